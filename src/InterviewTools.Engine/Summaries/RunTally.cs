using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;

namespace InterviewTools.Engine.Summaries
{
    /// <summary>
    /// What a run did and spent, counted as it happens from any thread: each post's final status and tokens, each request, 429,
    /// retry and switch, and the intervals when a post waited for quota.
    /// </summary>
    internal sealed class RunTally
    {
        private readonly object _gate = new object();
        private readonly RunSummary _summary = new RunSummary();
        private readonly List<(DateTimeOffset From, DateTimeOffset To)> _waits = new List<(DateTimeOffset, DateTimeOffset)>();
        private int _requests;
        private int _rateLimited;
        private int _retries;
        private int _switches;

        public void RequestSent() => Interlocked.Increment(ref _requests);

        public void RateLimited() => Interlocked.Increment(ref _rateLimited);

        public void Retried() => Interlocked.Increment(ref _retries);

        public void Switched() => Interlocked.Increment(ref _switches);

        public void Waited(DateTimeOffset from, DateTimeOffset to)
        {
            lock (_gate) _waits.Add((from, to));
        }

        /// <summary>A post that was too long for any model: reported, never sent.</summary>
        public void Refused()
        {
            lock (_gate) _summary.Failed++;
        }

        /// <summary>A post's final record, whether the cache, the offline summarizer or Gemini gave it.</summary>
        public void Add(PostSummary record)
        {
            lock (_gate)
            {
                switch (record.Status)
                {
                    case PostSummaryStatus.Succeeded: _summary.Succeeded++; break;
                    case PostSummaryStatus.Failed: _summary.Failed++; break;
                    case PostSummaryStatus.Deferred: _summary.Deferred++; break;
                }
                if (record.FromCache)
                {
                    _summary.FromCache++;
                    return;
                }
                if (record.Fallback) _summary.Fallback++;
                _summary.InputTokens += record.InputTokens;
                _summary.OutputTokens += record.OutputTokens;
                _summary.ThinkingTokens += record.ThinkingTokens;
                _summary.CachedTokens += record.CachedTokens;
                _summary.Cost += record.Cost;
                _summary.WouldCost += record.WouldCost;
            }
        }

        /// <summary>The summary so far; <paramref name="unreadable"/> posts were never read, so only the caller knows them.</summary>
        public RunSummary Summary(int unreadable, DateTimeOffset startedAt, DateTimeOffset now, RunSummaryQuota[] quotaLeft)
        {
            lock (_gate)
            {
                return new RunSummary
                {
                    Succeeded = _summary.Succeeded,
                    Failed = _summary.Failed,
                    Deferred = _summary.Deferred,
                    FromCache = _summary.FromCache,
                    Fallback = _summary.Fallback,
                    Unreadable = unreadable,
                    Posts = _summary.Succeeded + _summary.Failed + _summary.Deferred + unreadable,
                    RequestsSent = _requests,
                    RateLimited = _rateLimited,
                    Retries = _retries,
                    ModelSwitches = _switches,
                    InputTokens = _summary.InputTokens,
                    OutputTokens = _summary.OutputTokens,
                    ThinkingTokens = _summary.ThinkingTokens,
                    CachedTokens = _summary.CachedTokens,
                    Cost = _summary.Cost,
                    WouldCost = _summary.WouldCost,
                    StartedAt = startedAt,
                    FinishedAt = now,
                    WallTime = now - startedAt,
                    QuotaWaitTime = Union(_waits, now),
                    QuotaLeft = quotaLeft,
                };
            }
        }

        /// <summary>The length of the union of the waits, cut at <paramref name="now"/> (a wait ended by Ctrl+C did not last to its end).</summary>
        private static TimeSpan Union(IEnumerable<(DateTimeOffset From, DateTimeOffset To)> waits, DateTimeOffset now)
        {
            var total = TimeSpan.Zero;
            DateTimeOffset? from = null, to = null;
            foreach (var wait in waits.Select(w => (w.From, To: w.To < now ? w.To : now)).Where(w => w.To > w.From).OrderBy(w => w.From))
            {
                if (to != null && wait.From <= to)
                {
                    if (wait.To > to) to = wait.To;
                    continue;
                }
                if (to != null) total += to.Value - from!.Value;
                (from, to) = (wait.From, wait.To);
            }
            if (to != null) total += to.Value - from!.Value;
            return total;
        }
    }
}
