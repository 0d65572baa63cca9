using System;
using System.Collections.Generic;
using System.Linq;
using InterviewTools.Engine.Common;

namespace InterviewTools.Engine.Rotation
{
    /// <summary>
    /// Replays, on a copy of the ledger and a virtual clock, the route choice a run makes for each post: the first model of the
    /// chain whose route has capacity (projects in rotation within a model, as <see cref="RoutePlanner.Candidates"/> orders them),
    /// a wait for the earliest recovery when it is within MaxWait, a deferral when it is not. Requests take
    /// <c>requestTime</c> each and at most <c>throttleLimit</c> are in flight. Nothing is sent and the real ledger is not touched.
    /// What it cannot know: how long requests really take, and what the server says past an assumed limit.
    /// </summary>
    internal sealed class QuotaForecast
    {
        private static readonly TimeSpan WakeMargin = TimeSpan.FromMilliseconds(50);

        private readonly LedgerState _state;
        private readonly IReadOnlyList<IGrouping<string, PooledKey>> _projects;
        private readonly IReadOnlyList<string> _chain;
        private readonly RouteLimits _limits;
        private readonly Dictionary<string, RouteUsage> _usage = new Dictionary<string, RouteUsage>(StringComparer.Ordinal);
        private readonly Dictionary<string, int> _nextProject = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);

        public QuotaForecast(LedgerState state, IReadOnlyList<PooledKey> keys, IReadOnlyList<string> chain, RouteLimits limits)
        {
            _state = state;
            _projects = keys.GroupBy(k => k.Project, StringComparer.Ordinal).ToList();
            _chain = chain;
            _limits = limits;
        }

        /// <summary>Posts each route (keyed by <see cref="RouteUsage.KeyOf"/>) is expected to take.</summary>
        public Dictionary<string, int> Taken { get; } = new Dictionary<string, int>(StringComparer.Ordinal);

        /// <summary>Input tokens each route is expected to take.</summary>
        public Dictionary<string, long> TokensTaken { get; } = new Dictionary<string, long>(StringComparer.Ordinal);

        public int Deferred { get; private set; }

        /// <summary>The earliest time quota returns for a deferred post, as the run's deferral warning names it.</summary>
        public DateTimeOffset? DeferredUntil { get; private set; }

        /// <summary>The indexes of posts no route can ever take: larger than every route's firm input-tokens-per-minute limit.</summary>
        public List<int> Oversized { get; } = new List<int>();

        /// <summary>Some post was placed on a route whose daily limit nobody knows.</summary>
        public bool ReliedOnUnknownDailyLimit { get; private set; }

        public TimeSpan Makespan { get; private set; }

        /// <summary>Places each post's request of the given input tokens, in order.</summary>
        public void Run(IReadOnlyList<long> posts, DateTimeOffset start, int throttleLimit, TimeSpan maxWait, TimeSpan requestTime)
        {
            var slots = Enumerable.Repeat(start, Math.Max(1, throttleLimit)).ToArray();
            var clock = start;
            var end = start;
            for (var index = 0; index < posts.Count; index++)
            {
                var tokens = posts[index];
                var slot = Array.IndexOf(slots, slots.Min());
                // Acquisitions happen in order, as a run's waiting posts wake together and take routes one at a time.
                var now = slots[slot] > clock ? slots[slot] : clock;
                while (true)
                {
                    var taken = TryTake(tokens, now, out var soonest, out var oversized);
                    if (taken)
                    {
                        slots[slot] = now + requestTime;
                        if (slots[slot] > end) end = slots[slot];
                        break;
                    }
                    if (soonest == null)
                    {
                        if (oversized) Oversized.Add(index);
                        else Deferred++;
                        break;
                    }
                    if (soonest.Value - now > maxWait)
                    {
                        Deferred++;
                        if (DeferredUntil == null || soonest.Value < DeferredUntil) DeferredUntil = soonest.Value;
                        slots[slot] = now;
                        break;
                    }
                    now = soonest.Value + WakeMargin;
                }
                clock = now;
            }
            Makespan = end - start;
        }

        private bool TryTake(long tokens, DateTimeOffset now, out DateTimeOffset? soonest, out bool oversized)
        {
            soonest = null;
            oversized = false;
            foreach (var model in _chain)
            {
                if (_state.RetiredModels.ContainsKey(model) || _projects.Count == 0) continue;
                _nextProject.TryGetValue(model, out var start);
                _nextProject[model] = (start + 1) % _projects.Count;
                for (var i = 0; i < _projects.Count; i++)
                {
                    var project = _projects[(start + i) % _projects.Count];
                    if (project.All(k => _state.Keys.TryGetValue(k.Key.Fingerprint, out var record) && record.Disabled != null)) continue;
                    var usage = Usage(project.Key, model, now);
                    if (_limits.Firm(model, usage).InputTokensPerMinute is { } tpm && tokens > tpm)
                    {
                        oversized = true;
                        continue;
                    }
                    var tier = _state.TierOf(project.Key);
                    var limits = _limits.For(model, usage, _state.LearnedForModel(model), tier);
                    var blockage = RouteCapacity.Check(usage, limits, tokens, now);
                    if (blockage != null)
                    {
                        if (soonest == null || blockage.Until < soonest) soonest = blockage.Until;
                        continue;
                    }
                    var bucket = RouteCapacity.BucketAt(usage, now);
                    bucket.Requests++;
                    bucket.Tokens += tokens;
                    usage.DayRequests++;
                    usage.DayTokens += tokens;
                    var key = RouteUsage.KeyOf(project.Key, model);
                    Taken[key] = (Taken.TryGetValue(key, out var count) ? count : 0) + 1;
                    TokensTaken[key] = (TokensTaken.TryGetValue(key, out var sum) ? sum : 0) + tokens;
                    if (limits.RequestsPerDay == null && usage.ExhaustedUntil == null) ReliedOnUnknownDailyLimit = true;
                    return true;
                }
            }
            return false;
        }

        /// <summary>The route's usage as the ledger holds it, copied so the replay spends only its own counts.</summary>
        private RouteUsage Usage(string project, string model, DateTimeOffset now)
        {
            var key = RouteUsage.KeyOf(project, model);
            if (!_usage.TryGetValue(key, out var usage))
            {
                usage = _state.Routes.TryGetValue(key, out var stored) ? Copy(stored) : new RouteUsage { Project = project, Model = model };
                _usage[key] = usage;
            }
            RouteCapacity.Normalize(usage, now);
            return usage;
        }

        private static RouteUsage Copy(RouteUsage usage) => new RouteUsage
        {
            Project = usage.Project,
            Model = usage.Model,
            Minute = usage.Minute.Select(b => new MinuteBucket { Second = b.Second, Requests = b.Requests, Tokens = b.Tokens }).ToList(),
            Day = usage.Day,
            DayRequests = usage.DayRequests,
            DayTokens = usage.DayTokens,
            CoolingUntil = usage.CoolingUntil,
            ExhaustedUntil = usage.ExhaustedUntil,
            NoFreeTier = usage.NoFreeTier,
            Learned = usage.Learned,
            LearnedQuotaId = usage.LearnedQuotaId,
            LearnedAt = usage.LearnedAt,
            BeyondFreeTier = usage.BeyondFreeTier,
        };

        /// <summary>Every project × model of the chain in the order the planner tries them first, with today's allowance and each limit's source.</summary>
        public static IReadOnlyList<SummaryPlanRoute> Routes(LedgerState state, IReadOnlyList<PooledKey> keys, IReadOnlyList<string> chain, RouteLimits limits, DateTimeOffset now)
        {
            var rows = new List<SummaryPlanRoute>();
            foreach (var model in chain)
            {
                foreach (var project in keys.GroupBy(k => k.Project, StringComparer.Ordinal))
                {
                    state.Routes.TryGetValue(RouteUsage.KeyOf(project.Key, model), out var stored);
                    var usage = stored == null ? new RouteUsage { Project = project.Key, Model = model } : Copy(stored);
                    RouteCapacity.Normalize(usage, now);
                    var learnedElsewhere = state.LearnedForModel(model);
                    var tier = state.TierOf(project.Key);
                    var limit = limits.For(model, usage, learnedElsewhere, tier);
                    var refused = project.All(k => state.Keys.TryGetValue(k.Key.Fingerprint, out var record) && record.Disabled != null);
                    var usable = !refused && !state.RetiredModels.ContainsKey(model) && usage.ExhaustedUntil == null && !usage.NoFreeTier;
                    LimitSource Source(Func<QuotaLimits, object?> dimension) => limits.SourceOf(model, usage, learnedElsewhere, dimension, tier);
                    var minuteRequests = usage.Minute.Sum(b => b.Requests);
                    rows.Add(new SummaryPlanRoute
                    {
                        Project = project.Key,
                        Model = model,
                        Tier = tier,
                        Usable = usable,
                        RequestsPerDayLimit = limit.RequestsPerDay,
                        RequestsPerDayLimitSource = Source(l => l.RequestsPerDay),
                        RequestsLeftToday = !usable ? 0 : limit.RequestsPerDay is { } rpd ? Math.Max(0, rpd - usage.DayRequests) : (int?)null,
                        InputTokensPerDayLimit = limit.InputTokensPerDay,
                        InputTokensPerDayLimitSource = Source(l => l.InputTokensPerDay),
                        InputTokensLeftToday = !usable ? 0 : limit.InputTokensPerDay is { } tpd ? Math.Max(0, tpd - usage.DayTokens) : (long?)null,
                        RequestsPerMinuteLimit = limit.RequestsPerMinute,
                        RequestsPerMinuteLimitSource = Source(l => l.RequestsPerMinute),
                        RequestsLeftThisMinute = !usable ? 0 : limit.RequestsPerMinute is { } rpm ? Math.Max(0, rpm - minuteRequests) : (int?)null,
                        InputTokensPerMinuteLimit = limit.InputTokensPerMinute,
                        InputTokensPerMinuteLimitSource = Source(l => l.InputTokensPerMinute),
                        ResetsAt = (usage.ExhaustedUntil ?? PacificTime.NextMidnight(now)).LocalDateTime,
                    });
                }
            }
            return rows;
        }
    }
}
