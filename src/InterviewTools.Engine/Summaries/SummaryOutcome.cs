using System;
using System.Collections.Generic;
using InterviewTools.Engine.Policy;
using InterviewTools.Engine.Posts;

namespace InterviewTools.Engine.Summaries
{
    public enum SummaryStatus
    {
        Succeeded,
        Failed,
        Deferred,
        Cached,
    }

    public enum SummaryProvider
    {
        Gemini,
        Offline,
    }

    public sealed class SummaryOutcome
    {
        public SummaryOutcome(PostDocument post, SummaryStatus status)
        {
            Post = post;
            Status = status;
        }

        public PostDocument Post { get; }
        public SummaryStatus Status { get; }
        public SummaryProvider Provider { get; set; }

        /// <summary>An offline summary standing in for a Gemini one the quota did not allow; the cache upgrades it later.</summary>
        public bool Fallback { get; set; }

        public SummaryContent? Content { get; set; }
        public SummaryFailure? Failure { get; set; }

        /// <summary>When a Deferred post's quota returns.</summary>
        public DateTimeOffset? RetryAt { get; set; }

        /// <summary>Each change of key or model during this post, with its reason.</summary>
        public IReadOnlyList<string> Switches { get; set; } = Array.Empty<string>();
        public string Model { get; set; } = string.Empty;
        public string KeyId { get; set; } = string.Empty;
        public int Attempts { get; set; }
        public int InputTokens { get; set; }
        public int OutputTokens { get; set; }
        public TimeSpan Duration { get; set; }
        public DateTimeOffset CompletedAt { get; set; }
    }
}
