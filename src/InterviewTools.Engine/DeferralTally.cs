using System;
using System.Globalization;
using System.Linq;
using InterviewTools.Engine.Resources;
using InterviewTools.Engine.Rotation;

namespace InterviewTools.Engine
{
    /// <summary>Tallies deferred posts so a run ends with one warning that says when to run again, instead of one per post.</summary>
    internal sealed class DeferralTally
    {
        private readonly object _gate = new object();
        private DateTimeOffset _returns = DateTimeOffset.MaxValue;
        private int _count;
        private int _fallbacks;

        /// <summary>A post the quota deferred, whether it stays Deferred or got an offline stand-in.</summary>
        public void Add(PostSummary summary)
        {
            lock (_gate)
            {
                _count++;
                if (summary.Fallback) _fallbacks++;
                if (summary.RetryAt is { } at && at < _returns) _returns = at;
            }
        }

        /// <summary>The run's one deferral warning, or null when nothing was deferred.</summary>
        public string? Describe(RoutePlanner planner, DateTimeOffset now)
        {
            lock (_gate)
            {
                if (_count == 0) return null;
                var routes = Message.Format(EngineMessages.Routes, planner.ProjectCount, planner.Chain.Count);
                var local = _returns.ToLocalTime().ToString("HH:mm", CultureInfo.CurrentCulture);
                var wait = Span(_returns - now);
                var posts = _fallbacks == 0
                    ? Message.Format(EngineMessages.DeferredPosts, _count)
                    : Message.Format(EngineMessages.DeferredPostsWithFallback, _count, _fallbacks);
                if (_returns == PacificTime.NextMidnight(now) && UnknownTiers(planner) is { } unknown && unknown > 0)
                {
                    // The server has not said these projects are exhausted: only the assumed free-tier table has.
                    return Message.Format(EngineMessages.DeferralAssumedLimitsUsedUp, routes, unknown, local, wait, posts);
                }
                return _returns == PacificTime.NextMidnight(now)
                    ? Message.Format(EngineMessages.DeferralExhaustedToday, routes, local, wait, posts)
                    : Message.Format(EngineMessages.DeferralNoQuotaWithinWait, routes, planner.MaxWait.TotalSeconds, local, wait, posts);
            }
        }

        private static int UnknownTiers(RoutePlanner planner)
        {
            LedgerState state;
            try
            {
                state = planner.Snapshot();
            }
            catch (LedgerUnavailableException)
            {
                return 0;
            }
            return planner.Keys.Select(k => k.Project).Distinct(StringComparer.Ordinal).Count(p => state.TierOf(p) == ProjectTier.Unknown);
        }

        private static string Span(TimeSpan span)
        {
            if (span < TimeSpan.Zero) span = TimeSpan.Zero;
            return span.TotalHours >= 1
                ? $"{(int)span.TotalHours}h{span.Minutes:00}m"
                : span.TotalMinutes >= 1 ? $"{(int)span.TotalMinutes}m{span.Seconds:00}s" : $"{Math.Ceiling(span.TotalSeconds):0}s";
        }
    }
}
