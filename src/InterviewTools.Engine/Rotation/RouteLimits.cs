using System;
using System.Collections.Generic;
using InterviewTools.Engine.Common;

namespace InterviewTools.Engine.Rotation
{
    /// <summary>
    /// The limits to pace a (project, model) by: what the server said to this project in a 429, else the configuration, else what
    /// it said to another project about the same model (free-tier limits are per model), else the built-in free-tier defaults.
    /// </summary>
    public sealed class RouteLimits
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
    }
}
