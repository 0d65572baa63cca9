using System.Security;

namespace InterviewTools.Hosting
{
    /// <summary>The bound parameters of Invoke-PostSummary, free of engine types so PowerShell can reflect over the cmdlet before the engine loads.</summary>
    internal sealed class PostSummarySettings
    {
        public string[]? Models { get; set; }
        public string? Prompt { get; set; }
        public SecureString[]? ApiKey { get; set; }
        public int TimeoutSec { get; set; } = 120;
        public int MaxRetryCount { get; set; } = 3;
        public const int DefaultThrottleLimit = Engine.EngineSettings.DefaultThrottleLimit;

        /// <summary>Null keeps config.yaml's throttleLimit, else <see cref="DefaultThrottleLimit"/>.</summary>
        public int? ThrottleLimit { get; set; }

        /// <summary>Null chooses Gemini when a key is configured and the offline summarizer when none is.</summary>
        public PostSummaryProvider? Provider { get; set; }

        public PostSummaryFallback Fallback { get; set; }

        /// <summary>Summarize again even what the result cache holds.</summary>
        public bool Force { get; set; }

        /// <summary>Null keeps config.yaml's maxWaitSec, else the engine's default wait.</summary>
        public int? MaxWaitSec { get; set; }
    }
}
