using System;
using InterviewTools.Engine.Summaries;

namespace InterviewTools.Engine.Cache
{
    /// <summary>The JSON of one cache file: the key parts it was stored under, and everything needed to rebuild the outcome.</summary>
    internal sealed class CacheEntry
    {
        public const int CurrentFormat = 1;

        public int Format { get; set; } = CurrentFormat;
        public string ContentHash { get; set; } = string.Empty;
        public string PromptHash { get; set; } = string.Empty;
        public int SchemaVersion { get; set; }
        public string Family { get; set; } = string.Empty;

        public string Source { get; set; } = string.Empty;
        public SummaryContent? Content { get; set; }
        public SummaryProvider Provider { get; set; }
        public bool Fallback { get; set; }
        public string Model { get; set; } = string.Empty;
        public string KeyId { get; set; } = string.Empty;
        public int Attempts { get; set; }
        public int InputTokens { get; set; }
        public int OutputTokens { get; set; }
        public TimeSpan Duration { get; set; }
        public DateTimeOffset CompletedAt { get; set; }
        public DateTimeOffset CachedAt { get; set; }

        /// <summary>Why the entry cannot be used as it stands, or null. JSON that parses can still lack what an outcome needs.</summary>
        public string? Defect()
        {
            if (Format != CurrentFormat) return $"format {Format} is not {CurrentFormat}";
            if (Content == null) return "it has no content";
            if (Content.Summary == null || Content.Experiences == null || Content.Tips == null || Content.Advice == null
                || Content.Questions == null || Content.Topics == null || Content.Terms == null) return "its content lacks a field";
            if (string.IsNullOrEmpty(ContentHash) || string.IsNullOrEmpty(PromptHash) || string.IsNullOrEmpty(Family)) return "its key is incomplete";
            return null;
        }
    }
}
