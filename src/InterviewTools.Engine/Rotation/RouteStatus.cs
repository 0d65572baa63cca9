using System;

namespace InterviewTools.Engine.Rotation
{
    public enum RouteState
    {
        Available,
        CoolingDown,
        ExhaustedToday,
        Retired,
        KeyDisabled,
        NoFreeTier,
    }

    /// <summary>One key × model as the ledger sees it; the row behind Get-QuotaStatus.</summary>
    public sealed class RouteStatus
    {
        public string KeyFingerprint { get; set; } = string.Empty;
        public string Project { get; set; } = string.Empty;
        public string Model { get; set; } = string.Empty;
        public RouteState State { get; set; }
        public int RequestsThisMinute { get; set; }
        public int? RequestsPerMinute { get; set; }
        public long InputTokensThisMinute { get; set; }
        public long? InputTokensPerMinute { get; set; }
        public int RequestsToday { get; set; }
        public int? RequestsPerDay { get; set; }
        public int? RemainingToday { get; set; }
        public DateTimeOffset? CoolingUntil { get; set; }
        public DateTimeOffset ResetsAt { get; set; }
        public string? LastError { get; set; }
        public DateTimeOffset? LastErrorAt { get; set; }
    }
}
