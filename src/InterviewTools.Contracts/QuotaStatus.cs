using System;

namespace InterviewTools
{
    public enum QuotaState
    {
        Available,
        CoolingDown,
        ExhaustedToday,
        Retired,
        KeyDisabled,
        NoFreeTier,
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
        public int? RemainingToday { get; set; }
        public DateTime? CoolingDownUntil { get; set; }
        public DateTime ResetsAt { get; set; }
        public string? LastError { get; set; }
        public DateTime? LastErrorAt { get; set; }
    }
}
