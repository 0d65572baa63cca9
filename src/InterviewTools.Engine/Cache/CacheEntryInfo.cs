using System;
using InterviewTools.Engine.Summaries;

namespace InterviewTools.Engine.Cache
{
    /// <summary>One cache file as listed for inspection and pruning. An unreadable file is listed too, with <see cref="Problem"/> set.</summary>
    public sealed class CacheEntryInfo
    {
        public string Path { get; internal set; } = string.Empty;
        public long SizeBytes { get; internal set; }

        /// <summary>Why the file cannot be used; null for a sound entry. The other fields are empty when this is set.</summary>
        public string? Problem { get; internal set; }

        public string Source { get; internal set; } = string.Empty;
        public string? Title { get; internal set; }
        public SummaryProvider Provider { get; internal set; }
        public bool Fallback { get; internal set; }
        public string Model { get; internal set; } = string.Empty;
        public string ContentHash { get; internal set; } = string.Empty;
        public string Family { get; internal set; } = string.Empty;
        public int SchemaVersion { get; internal set; }
        public DateTimeOffset CompletedAt { get; internal set; }
        public DateTimeOffset CachedAt { get; internal set; }
    }
}
