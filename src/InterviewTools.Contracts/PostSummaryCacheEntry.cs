using System;

namespace InterviewTools
{
    /// <summary>One stored summary in the result cache, as Get-PostSummaryCache lists it. Path is the entry file.</summary>
    public sealed class PostSummaryCacheEntry
    {
        public string Source { get; set; } = string.Empty;
        public string? Title { get; set; }
        public PostSummaryProvider Provider { get; set; }
        public string Model { get; set; } = string.Empty;

        /// <summary>An offline stand-in for a Gemini summary; the next run with Gemini quota replaces it.</summary>
        public bool Fallback { get; set; }

        public string ContentHash { get; set; } = string.Empty;
        public DateTimeOffset CachedAt { get; set; }
        public long SizeBytes { get; set; }
        public string Path { get; set; } = string.Empty;
    }
}
