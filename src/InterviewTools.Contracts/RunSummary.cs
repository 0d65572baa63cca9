using System;

namespace InterviewTools
{
    /// <summary>
    /// What one Invoke-PostSummary run did and spent, written at its end as an InformationRecord tagged InterviewTools.RunSummary
    /// (-InformationVariable keeps it) and as a -Verbose line. Export-PostSummary writes it as a YAML document of its own.
    /// </summary>
    public sealed class RunSummary
    {
        /// <summary>Every post given: Succeeded + Failed + Deferred + Unreadable.</summary>
        public int Posts { get; set; }
        public int Succeeded { get; set; }
        public int Failed { get; set; }
        public int Deferred { get; set; }

        /// <summary>Of the Succeeded (or Deferred with a stand-in), how many the result cache answered without a request.</summary>
        public int FromCache { get; set; }

        /// <summary>Deferred posts that got an offline stand-in (-Fallback Offline).</summary>
        public int Fallback { get; set; }

        /// <summary>Posts that could not be read: each had its error record. A post too long for any model counts as Failed.</summary>
        public int Unreadable { get; set; }

        /// <summary>generateContent requests sent, retries included.</summary>
        public int RequestsSent { get; set; }

        /// <summary>Answers with HTTP 429 (quota).</summary>
        public int RateLimited { get; set; }

        /// <summary>Requests sent again on the same route after a transient fault.</summary>
        public int Retries { get; set; }

        /// <summary>Times a post moved to another model or key.</summary>
        public int ModelSwitches { get; set; }

        public long InputTokens { get; set; }
        public long OutputTokens { get; set; }
        public long ThinkingTokens { get; set; }
        public long CachedTokens { get; set; }

        /// <summary>US dollars charged: paid prices on projects known to be paid.</summary>
        public decimal Cost { get; set; }

        /// <summary>US dollars the same tokens cost at paid prices, whatever the tier.</summary>
        public decimal WouldCost { get; set; }

        public TimeSpan WallTime { get; set; }

        /// <summary>How long at least one post was waiting for quota to return (overlapping waits count once).</summary>
        public TimeSpan QuotaWaitTime { get; set; }

        /// <summary>What is left of today's quota for each model of the chain, after the run.</summary>
        public RunSummaryQuota[] QuotaLeft { get; set; } = Array.Empty<RunSummaryQuota>();

        public DateTimeOffset StartedAt { get; set; }
        public DateTimeOffset FinishedAt { get; set; }

        /// <summary>The -Verbose line.</summary>
        public override string ToString()
        {
            var left = string.Join(", ", Array.ConvertAll(QuotaLeft, q => q.ToString()));
            return $"Run summary: {Posts} post(s): {Succeeded} succeeded ({FromCache} from the cache), {Failed} failed, {Deferred} deferred, {Unreadable} unreadable; "
                + $"{RequestsSent} request(s), {RateLimited} answered 429, {Retries} retried, {ModelSwitches} switch(es); "
                + $"tokens {InputTokens} input ({CachedTokens} cached), {OutputTokens} output, {ThinkingTokens} thinking; "
                + $"cost ${Cost:0.######} (would cost ${WouldCost:0.######} at paid prices); "
                + $"{WallTime.TotalSeconds:0.0} s, {QuotaWaitTime.TotalSeconds:0.0} s waiting for quota"
                + (left.Length == 0 ? "." : $"; left today: {left}.");
        }
    }

    /// <summary>One model's quota left today across the run's projects, and on whose word.</summary>
    public sealed class RunSummaryQuota
    {
        public string Model { get; set; } = string.Empty;

        /// <summary>Requests left today over every project; null when a project's daily limit is unknown.</summary>
        public int? RequestsLeftToday { get; set; }

        /// <summary>The least certain source among the projects' daily limits.</summary>
        public LimitSource Source { get; set; }

        public DateTime ResetsAt { get; set; }

        public override string ToString() => $"{Model} {(RequestsLeftToday == null ? "?" : RequestsLeftToday.ToString())} ({Source})";
    }
}
