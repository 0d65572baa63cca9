using System;

namespace InterviewTools
{
    // Enums are backed by long so that ConvertTo-Json writes their names (see the project file).
    public enum QuotaState : long
    {
        Available,
        CoolingDown,
        ExhaustedToday,
        Retired,
        KeyDisabled,
        NoFreeTier,
    }

    /// <summary>Where a quota limit comes from: what the server said, what the user configured, or an assumption.</summary>
    public enum LimitSource : long
    {
        /// <summary>No limit is known: the route is paced only by the server's answers.</summary>
        Unknown,

        /// <summary>A 429's quotaValue for this project and model (its quotaId is kept).</summary>
        Server,

        /// <summary>config.yaml's limits for the model.</summary>
        Configured,

        /// <summary>The built-in free-tier table, or what the server told another project about the same model.</summary>
        Assumed,
    }

    /// <summary>A project's billing tier as the module has learned it. Google never states it; only its answers show it.</summary>
    public enum ProjectTier : long
    {
        /// <summary>Not learned yet: assumed free-tier limits pace the project, and one request past them finds out.</summary>
        Unknown,

        /// <summary>A 429 named a -FreeTier quota: the built-in free-tier table is trusted for its models.</summary>
        Free,

        /// <summary>A request past an assumed free-tier limit succeeded, or a 429 named a paid quota: only its own 429s and the configuration limit it.</summary>
        Paid,
    }

    /// <summary>One key × model of the quota ledger. KeyId is a fingerprint; times are local.</summary>
    public sealed class QuotaStatus
    {
        public string KeyId { get; set; } = string.Empty;
        public string Project { get; set; } = string.Empty;
        public string Model { get; set; } = string.Empty;
        public QuotaState State { get; set; }
        public int RequestsThisMinute { get; set; }
        public int? RequestsPerMinuteLimit { get; set; }
        public long InputTokensThisMinute { get; set; }
        public long? InputTokensPerMinuteLimit { get; set; }
        public int RequestsToday { get; set; }
        public int? RequestsPerDayLimit { get; set; }
        public LimitSource RequestsPerMinuteLimitSource { get; set; }
        public LimitSource InputTokensPerMinuteLimitSource { get; set; }
        public LimitSource RequestsPerDayLimitSource { get; set; }

        /// <summary>The quotaIds of the 429s that taught this route its Server limits, e.g. GenerateRequestsPerDayPerProjectPerModel-FreeTier.</summary>
        public string? LimitQuotaId { get; set; }

        /// <summary>When the server last stated a limit for this route.</summary>
        public DateTime? LimitLearnedAt { get; set; }
        public int? RemainingToday { get; set; }
        public DateTime? CoolingDownUntil { get; set; }
        public DateTime ResetsAt { get; set; }
        public string? LastError { get; set; }
        public DateTime? LastErrorAt { get; set; }
        public ProjectTier Tier { get; set; }

        /// <summary>How the tier was learned, e.g. the -FreeTier quotaId of a 429, or the request past an assumed limit that succeeded.</summary>
        public string? TierLearnedFrom { get; set; }
        public DateTime? TierLearnedAt { get; set; }

        /// <summary>
        /// The ledger the row was read from: the local ledger file's path, or the shared Redis server's URL with its password masked
        /// (the ledger setting, $env:INTERVIEWTOOLS_LEDGER or config.yaml's ledger).
        /// </summary>
        public string Ledger { get; set; } = string.Empty;
    }
}
