using System;

namespace InterviewTools.Tests
{
    public enum QuotaWindow
    {
        PerMinute,
        PerDay,
    }

    /// <summary>A plain typed row shaped like the QuotaStatus rows the rotation engine will export.</summary>
    public sealed class QuotaRowSample
    {
        public string Model { get; set; } = string.Empty;
        public QuotaWindow Window { get; set; }
        public int Used { get; set; }
        public long Limit { get; set; }
        public double Share { get; set; }
        public TimeSpan ResetIn { get; set; }
        public DateTimeOffset? RetryAt { get; set; }
        public DateTimeOffset CheckedAt { get; set; }
    }
}
