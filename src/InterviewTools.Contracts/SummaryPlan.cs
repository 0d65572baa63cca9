using System;

namespace InterviewTools
{
    /// <summary>
    /// What Measure-PostSummary found before anything is sent: what the batch needs, what today's quota allows, the verdict and
    /// the cost. The routes are the ledger's; the expected counts come from replaying the run's route choice over them.
    /// </summary>
    public sealed class SummaryPlan
    {
        public PostSummaryProvider Provider { get; set; }

        /// <summary>Every post given: Cached + Unreadable + TooLong + ToSend.</summary>
        public int Posts { get; set; }

        /// <summary>Answered by the result cache: nothing is sent for them.</summary>
        public int Cached { get; set; }

        /// <summary>Could not be read; each has its error record.</summary>
        public int Unreadable { get; set; }

        /// <summary>Larger than any route of the chain takes; each has its error record, and a run would not send them either.</summary>
        public int TooLong { get; set; }

        public int ToSend { get; set; }

        /// <summary>The input tokens of the posts to send: the local estimate a run reserves, or countTokens' figure for a post near a limit.</summary>
        public long EstimatedInputTokens { get; set; }

        /// <summary>Answer and thinking tokens expected, on the basis <see cref="OutputTokensBasis"/> names.</summary>
        public long EstimatedOutputTokens { get; set; }

        /// <summary>Where the output estimate comes from: the cached summaries of this batch, or an assumption.</summary>
        public string OutputTokensBasis { get; set; } = string.Empty;

        /// <summary>How many posts countTokens measured because their estimate came near a model's input limit.</summary>
        public int CountedPosts { get; set; }

        /// <summary>
        /// True when every post to send fits today's known limits; false when some would be deferred; null when all fit only
        /// because a route's daily limit is unknown (the server may allow more or fewer).
        /// </summary>
        public bool? FitsToday { get; set; }

        /// <summary>How many posts each model of the chain is expected to take, in chain order.</summary>
        public SummaryPlanModel[] Models { get; set; } = Array.Empty<SummaryPlanModel>();

        /// <summary>Posts the run would defer: no route has quota for them within MaxWaitSec.</summary>
        public int Deferred { get; set; }

        /// <summary>When quota returns for the deferred posts (local time); null when none is deferred.</summary>
        public DateTime? DeferredUntil { get; set; }

        /// <summary>From the first request to the last answer, bounded by the per-minute limits and ThrottleLimit requests at once.</summary>
        public TimeSpan EstimatedMakespan { get; set; }

        public int ThrottleLimit { get; set; }

        /// <summary>The time one request is assumed to take, for the makespan; the limits are the ledger's.</summary>
        public TimeSpan AssumedRequestTime { get; set; }

        /// <summary>US dollars at each model's paid price on projects known to be paid; 0 on free or unknown tiers.</summary>
        public decimal EstimatedCost { get; set; }

        /// <summary>US dollars the same requests cost at the paid price, whatever the tier.</summary>
        public decimal WouldCost { get; set; }

        /// <summary>Every project × model of the chain in the order the run tries them, with today's allowance.</summary>
        public SummaryPlanRoute[] Routes { get; set; } = Array.Empty<SummaryPlanRoute>();

        /// <summary>One line, for "Plan: $plan".</summary>
        public override string ToString() =>
            $"{Posts} post(s): {Cached} cached, {ToSend} to send, {Deferred} deferred; fits today: {(FitsToday == null ? "unknown" : FitsToday.Value ? "yes" : "no")}";
    }

    /// <summary>One model's share of a plan.</summary>
    public sealed class SummaryPlanModel
    {
        public string Model { get; set; } = string.Empty;
        public int Posts { get; set; }
        public decimal EstimatedCost { get; set; }
        public decimal WouldCost { get; set; }

        /// <summary>Where the model's price comes from (the built-in table with its date, or config.yaml); empty when it has none.</summary>
        public string PriceSource { get; set; } = string.Empty;

        public override string ToString() => $"{Model} {Posts}";
    }

    /// <summary>One project × model of a plan: what is left of today's and this minute's quota, and where each limit comes from.</summary>
    public sealed class SummaryPlanRoute
    {
        public string Project { get; set; } = string.Empty;
        public string Model { get; set; } = string.Empty;
        public ProjectTier Tier { get; set; }

        /// <summary>False for a retired model, a refused key, or a route the server said is out of quota until ResetsAt.</summary>
        public bool Usable { get; set; }

        public int? RequestsLeftToday { get; set; }
        public int? RequestsPerDayLimit { get; set; }
        public LimitSource RequestsPerDayLimitSource { get; set; }
        public long? InputTokensLeftToday { get; set; }
        public long? InputTokensPerDayLimit { get; set; }
        public LimitSource InputTokensPerDayLimitSource { get; set; }
        public int? RequestsLeftThisMinute { get; set; }
        public int? RequestsPerMinuteLimit { get; set; }
        public LimitSource RequestsPerMinuteLimitSource { get; set; }
        public long? InputTokensPerMinuteLimit { get; set; }
        public LimitSource InputTokensPerMinuteLimitSource { get; set; }

        /// <summary>When the daily quota resets: 00:00 Pacific, in local time.</summary>
        public DateTime ResetsAt { get; set; }

        /// <summary>Posts the plan expects this route to take.</summary>
        public int ExpectedPosts { get; set; }
    }
}
