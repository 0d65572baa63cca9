using System;
using System.Text.Json.Serialization;

namespace InterviewTools.Engine.Cache
{
    /// <summary>The JSON of one cache file: the key parts it was stored under, when, and the post's record as the user got it.</summary>
    internal sealed class CacheEntry
    {
        /// <summary>2 stores the record whole; files in format 1 (a flattened copy) are still read, by <see cref="FormatOne"/>.</summary>
        public const int CurrentFormat = 2;

        public int Format { get; set; } = CurrentFormat;
        public string PromptHash { get; set; } = string.Empty;
        public int SchemaVersion { get; set; }
        public string Family { get; set; } = string.Empty;
        public DateTimeOffset CachedAt { get; set; }
        public PostSummary? Summary { get; set; }

        /// <summary>The post's hash is the record's own; the file does not repeat it.</summary>
        [JsonIgnore]
        public string ContentHash => Summary?.ContentHash ?? string.Empty;

        /// <summary>Why the entry cannot be used as it stands, or null. JSON that parses can still lack what a record needs.</summary>
        public string? Defect()
        {
            if (Format != CurrentFormat && Format != FormatOne.Number) return $"format {Format} is not {CurrentFormat}";
            var summary = Summary;
            if (summary == null) return "it has no content";
            if (summary.Summary == null || summary.Experiences == null || summary.Tips == null || summary.Advice == null
                || summary.Questions == null || summary.Topics == null || summary.Terms == null) return "its content lacks a field";
            if (string.IsNullOrEmpty(ContentHash) || string.IsNullOrEmpty(PromptHash) || string.IsNullOrEmpty(Family)) return "its key is incomplete";
            return null;
        }
    }
}
