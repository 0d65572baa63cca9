using System;

namespace InterviewTools
{
    // Enums are backed by long so that ConvertTo-Json writes their names (see the project file).
    public enum PostSummaryStatus : long
    {
        Succeeded,
        Failed,
        Deferred,
    }

    public enum PostSummaryProvider : long
    {
        Gemini,
        Offline,
    }

    /// <summary>What Invoke-PostSummary gives a post that the quota would defer.</summary>
    public enum PostSummaryFallback : long
    {
        None,
        Offline,
    }

    /// <summary>The notes of one post and how they were made. KeyId is a fingerprint, never the key.</summary>
    public sealed class PostSummary
    {
        public string Source { get; set; } = string.Empty;
        public string? Title { get; set; }
        public string Summary { get; set; } = string.Empty;
        public string[] Experiences { get; set; } = Array.Empty<string>();
        public string[] Tips { get; set; } = Array.Empty<string>();
        public string[] Advice { get; set; } = Array.Empty<string>();
        public string[] Questions { get; set; } = Array.Empty<string>();
        public string[] Topics { get; set; } = Array.Empty<string>();
        public string[] Terms { get; set; } = Array.Empty<string>();
        public PostSummaryStatus Status { get; set; }
        public PostSummaryProvider Provider { get; set; }
        public bool Fallback { get; set; }
        public string? Error { get; set; }
        public DateTimeOffset? RetryAt { get; set; }
        public string Model { get; set; } = string.Empty;
        public string KeyId { get; set; } = string.Empty;
        public int Attempts { get; set; }
        public string[] Switches { get; set; } = Array.Empty<string>();
        public int InputTokens { get; set; }
        public int OutputTokens { get; set; }
        public TimeSpan Duration { get; set; }
        public string ContentHash { get; set; } = string.Empty;
        public DateTimeOffset CompletedAt { get; set; }

        /// <summary>This run took the record from the result cache: no request was sent and CompletedAt is when it was made.</summary>
        public bool FromCache { get; set; }

        /// <summary>What "Done: $summary" prints: the source, the outcome and the title.</summary>
        public override string ToString() => Title == null ? $"{Source} ({Status})" : $"{Source} ({Status}): {Title}";
    }
}
