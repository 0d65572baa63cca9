using System;
using InterviewTools.Engine.Posts;

namespace InterviewTools.Engine.Summaries
{
    public enum SummaryStatus
    {
        Succeeded,
        Failed,
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
        public SummaryContent? Content { get; set; }
        public SummaryFailure? Failure { get; set; }
        public string Model { get; set; } = string.Empty;
        public string KeyId { get; set; } = string.Empty;
        public int Attempts { get; set; }
        public int InputTokens { get; set; }
        public int OutputTokens { get; set; }
        public TimeSpan Duration { get; set; }
        public DateTimeOffset CompletedAt { get; set; }
    }
}
