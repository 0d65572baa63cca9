using System;
using System.Collections.Generic;
using InterviewTools.Engine.Common;
using InterviewTools.Engine.Resources;

namespace InterviewTools.Engine.Rotation
{
    /// <summary>
    /// The limits to pace a (project, model) by: what the server said to this project in a 429, else the configuration, else what
    /// it said to another project about the same model (free-tier limits are per model), else the built-in free-tier defaults.
    /// </summary>
    internal sealed class RouteLimits
    {
        private readonly IReadOnlyDictionary<string, QuotaLimits> _configured;
        private readonly bool _useBuiltInDefaults;

        public RouteLimits(IReadOnlyDictionary<string, QuotaLimits>? configured = null, bool useBuiltInDefaults = true)
        {
            _configured = configured ?? new Dictionary<string, QuotaLimits>(StringComparer.OrdinalIgnoreCase);
            _useBuiltInDefaults = useBuiltInDefaults;
        }

        /// <summary>
        /// The limits to pace by. A project known to be paid gets no assumption: only the configuration and its own 429s limit it.
        /// </summary>
        public QuotaLimits For(string model, RouteUsage? usage, QuotaLimits? learnedElsewhere = null, ProjectTier tier = ProjectTier.Unknown)
        {
            var assumed = tier == ProjectTier.Paid ? null : Assumed(model, learnedElsewhere);
            var configured = _configured.TryGetValue(model, out var limits) ? limits : null;
            var stated = configured?.Over(assumed) ?? assumed ?? new QuotaLimits();
            return usage == null ? stated : usage.Learned.Over(stated);
        }

        /// <summary>The limits nobody assumed: this project's own 429s over the configuration. Tier discovery may go past anything else once.</summary>
        public QuotaLimits Firm(string model, RouteUsage usage) =>
            usage.Learned.Over(_configured.TryGetValue(model, out var limits) ? limits : null);

        /// <summary>
        /// What no request of <paramref name="tokens"/> may go past: the firm input-tokens-per-minute limit, or the built-in table's once
        /// a -FreeTier 429 showed the project is on the free tier; with where it comes from. Null when nothing bounds it.
        /// </summary>
        public (long Limit, string Source)? TokensPerMinuteCeiling(string model, RouteUsage usage, ProjectTier tier)
        {
            if (Firm(model, usage).InputTokensPerMinute is { } firm) return (firm, usage.Learned.InputTokensPerMinute != null ? EngineMessages.LimitFromServer : EngineMessages.LimitConfiguredShort);
            if (tier == ProjectTier.Free && _useBuiltInDefaults && FreeTierDefaults.For(model)?.InputTokensPerMinute is { } table) return (table, EngineMessages.LimitFreeTierTable);
            return null;
        }

        private QuotaLimits? Assumed(string model, QuotaLimits? learnedElsewhere)
        {
            var builtIn = _useBuiltInDefaults ? FreeTierDefaults.For(model) : null;
            return learnedElsewhere?.Over(builtIn) ?? builtIn;
        }

        /// <summary>Where the requests-per-day limit that <see cref="For"/> gives comes from, by the same order of precedence.</summary>
        public LimitSource SourceOfDailyLimit(string model, RouteUsage? usage, QuotaLimits? learnedElsewhere = null, ProjectTier tier = ProjectTier.Unknown) =>
            SourceOf(model, usage, learnedElsewhere, l => l.RequestsPerDay, tier);

        /// <summary>Where one dimension of the limits that <see cref="For"/> gives comes from, by the same order of precedence.</summary>
        public LimitSource SourceOf(string model, RouteUsage? usage, QuotaLimits? learnedElsewhere, Func<QuotaLimits, object?> dimension, ProjectTier tier = ProjectTier.Unknown)
        {
            if (usage != null && dimension(usage.Learned) != null) return LimitSource.Server;
            if (_configured.TryGetValue(model, out var configured) && dimension(configured) != null) return LimitSource.Configured;
            var assumed = tier == ProjectTier.Paid ? null : Assumed(model, learnedElsewhere);
            return assumed != null && dimension(assumed) != null ? LimitSource.Assumed : LimitSource.Unknown;
        }
    }
}
