using System;
using System.Globalization;
using InterviewTools.Engine.Rotation;
using InterviewTools.Engine.Summaries;

namespace InterviewTools.Hosting
{
    /// <summary>Tallies deferred posts so the run ends with one warning that says when to run again, instead of one per post.</summary>
    internal sealed class DeferralReport
    {
        private readonly RoutePlanner _planner;
        private readonly TimeProvider _time;
        private DateTimeOffset _returns = DateTimeOffset.MaxValue;

        public DeferralReport(RoutePlanner planner, TimeProvider time)
        {
            _planner = planner;
            _time = time;
        }

        public int Count { get; private set; }

        public int Fallbacks { get; private set; }

        /// <summary>A post the quota deferred, whether it stays Deferred or got an offline stand-in.</summary>
        public void Add(SummaryOutcome outcome)
        {
            Count++;
            if (outcome.Summary.Fallback) Fallbacks++;
            if (outcome.Summary.RetryAt is { } at && at < _returns) _returns = at;
        }

        public string Describe()
        {
            var now = _time.GetUtcNow();
            var routes = $"{_planner.ProjectCount} project(s) × {_planner.Chain.Count} model(s)";
            var local = _returns.ToLocalTime().ToString("HH:mm", CultureInfo.CurrentCulture);
            var wait = Span(_returns - now);
            var posts = Fallbacks == 0
                ? $"{Count} post(s) deferred — run the same command again then."
                : $"{Count} post(s) deferred; {Fallbacks} of them got an offline summary (Fallback), which running the same command again then replaces with Gemini's.";
            return _returns == PacificTime.NextMidnight(now)
                ? $"All {routes} are exhausted for today; quota returns at 00:00 PT ({local} local, in {wait}); {posts}"
                : $"No quota among {routes} within {_planner.MaxWait.TotalSeconds:0} s (-MaxWaitSec); the earliest returns at {local} local (in {wait}); {posts}";
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
