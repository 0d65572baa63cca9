using System;
using System.Collections.Generic;
using InterviewTools.Engine.Common;

namespace InterviewTools.Engine.Rotation
{
    /// <summary>
    /// The limits to pace a (project, model) by: what the server said to this project in a 429, else the configuration, else what
    /// it said to another project about the same model (free-tier limits are per model), else the built-in free-tier defaults.
    /// </summary>
    /// <summary>Where a limit comes from: what the server said, what the user configured, or an assumption.</summary>
    public enum LimitSource
    {
        /// <summary>No limit is known: the route is paced only by the server's answers.</summary>
        Unknown,

        /// <summary>A 429's quotaValue for this project and model.</summary>
        Server,

        /// <summary>config.yaml's limits for the model.</summary>
        Configured,

        /// <summary>The built-in free-tier table, or what the server told another project about the same model.</summary>
        Assumed,
    }

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
        public LimitSource SourceOfDailyLimit(string model, RouteUsage? usage, QuotaLimits? learnedElsewhere = null)
        {
            if (usage?.Learned.RequestsPerDay != null) return LimitSource.Server;
            if (_configured.TryGetValue(model, out var configured) && configured.RequestsPerDay != null) return LimitSource.Configured;
            if (learnedElsewhere?.RequestsPerDay != null) return LimitSource.Assumed;
            return _useBuiltInDefaults && FreeTierDefaults.For(model)?.RequestsPerDay != null ? LimitSource.Assumed : LimitSource.Unknown;
        }
    }
}
