using System;
using System.Linq;
using InterviewTools.Engine.Policy;
using InterviewTools.Engine.Posts;

namespace InterviewTools.Engine.Summaries
{
    /// <summary>
    /// One post's result: the record the user gets (<see cref="PostSummary"/>, content and provenance, declared once in
    /// InterviewTools.Contracts) and what the engine knows beside it: the post it read and why it failed, if it did.
    /// </summary>
    public sealed class SummaryOutcome
    {
        internal SummaryOutcome(PostDocument post, PostSummary summary, SummaryFailure? failure = null)
        {
            Post = post;
            Summary = summary;
            Failure = failure;
            if (failure != null) summary.Error = failure.Message;
        }

        public PostDocument Post { get; }

        public PostSummary Summary { get; }

        public SummaryFailure? Failure { get; }

        /// <summary>Every key refused, or no model of the chain left: no later post can succeed, so the run stops.</summary>
        public bool StopsRun => Failure?.StopsTheRun == true;

        /// <summary>The post itself is at fault (too long for every model): an error alone tells the user, with no summary object.</summary>
        public bool IsInputProblem => Failure?.IsInputProblem == true;

        /// <summary>A record the cache kept for <paramref name="post"/>, as an outcome.</summary>
        public static SummaryOutcome Kept(PostDocument post, PostSummary cached) => new SummaryOutcome(post, cached);

        /// <summary>A new record for <paramref name="post"/> with its key fields, and the title and topics its markup gave, to fill in.</summary>
        internal static PostSummary Record(PostDocument post, PostSummaryStatus status) => new PostSummary
        {
            Source = post.Source,
            ContentHash = post.ContentHash,
            Title = post.Title,
            Topics = post.Topics.ToArray(),
            Status = status,
        };
    }
}
