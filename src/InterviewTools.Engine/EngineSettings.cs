using System;
using System.Collections.Generic;

namespace InterviewTools.Engine
{
    /// <summary>What the engine is opened for: summarising posts, or only reading and resetting the quota ledger.</summary>
    public enum EngineUse
    {
        Summaries,
        Quota,
    }

    /// <summary>
    /// What the caller asked for. Every setting is optional: null falls back to the environment, then config.yaml, then the
    /// built-in default, and the engine resolves that order in one place.
    /// </summary>
    public sealed class EngineSettings
    {
        public EngineUse Use { get; set; } = EngineUse.Summaries;

        /// <summary>Keys given explicitly (-ApiKey); they replace the environment's and the config file's. Null: use those.</summary>
        public IReadOnlyList<string>? ApiKeys { get; set; }

        /// <summary>The model chain asked for (-Model); null or empty keeps config.yaml's, else the built-in chain.</summary>
        public IReadOnlyList<string>? Models { get; set; }

        public string? Prompt { get; set; }

        public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(120);

        public int MaxRetries { get; set; } = 3;

        /// <summary>Null keeps config.yaml's throttleLimit, else <see cref="DefaultThrottleLimit"/>.</summary>
        public int? ThrottleLimit { get; set; }

        /// <summary>Null keeps config.yaml's maxWaitSec, else the engine's default wait.</summary>
        public int? MaxWaitSec { get; set; }

        /// <summary>Null chooses Gemini when a key is configured and the offline summarizer when none is.</summary>
        public PostSummaryProvider? Provider { get; set; }

        public PostSummaryFallback Fallback { get; set; }

        /// <summary>Summarize again even what the result cache holds.</summary>
        public bool Force { get; set; }

        public const int DefaultThrottleLimit = 2;
    }
}
