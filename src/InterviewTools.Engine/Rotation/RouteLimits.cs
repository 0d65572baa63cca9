using System;
using System.Collections.Generic;
using InterviewTools.Engine.Common;

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

        public QuotaLimits For(string model, RouteUsage? usage, QuotaLimits? learnedElsewhere = null)
        {
            var configured = _configured.TryGetValue(model, out var limits) ? limits : null;
            var builtIn = _useBuiltInDefaults ? FreeTierDefaults.For(model) : null;
            var hinted = learnedElsewhere?.Over(builtIn) ?? builtIn;
            var stated = configured?.Over(hinted) ?? hinted ?? new QuotaLimits();
            return usage == null ? stated : usage.Learned.Over(stated);
        }

        /// <summary>Where the requests-per-day limit that <see cref="For"/> gives comes from, by the same order of precedence.</summary>
        public LimitSource SourceOfDailyLimit(string model, RouteUsage? usage, QuotaLimits? learnedElsewhere = null) =>
            SourceOf(model, usage, learnedElsewhere, l => l.RequestsPerDay);

        /// <summary>Where one dimension of the limits that <see cref="For"/> gives comes from, by the same order of precedence.</summary>
        public LimitSource SourceOf(string model, RouteUsage? usage, QuotaLimits? learnedElsewhere, Func<QuotaLimits, object?> dimension)
        {
            if (usage != null && dimension(usage.Learned) != null) return LimitSource.Server;
            if (_configured.TryGetValue(model, out var configured) && dimension(configured) != null) return LimitSource.Configured;
            if (learnedElsewhere != null && dimension(learnedElsewhere) != null) return LimitSource.Assumed;
            var builtIn = _useBuiltInDefaults ? FreeTierDefaults.For(model) : null;
            return builtIn != null && dimension(builtIn) != null ? LimitSource.Assumed : LimitSource.Unknown;
        }
    }
}
