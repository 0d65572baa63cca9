using System;
using System.Collections.Generic;
using System.Linq;
using InterviewTools.Engine.Posts;

namespace InterviewTools.Engine
{
    /// <summary>
    /// What a batch would cost before anything is sent: which posts the cache answers, how many tokens the rest need, and how
    /// many requests each route has left today and on whose word. Measure-PostSummary adds the verdict to it.
    /// </summary>
    public sealed class BatchPlan
    {
        internal BatchPlan(IReadOnlyList<PlannedPost> posts, IReadOnlyList<SummaryPlanRoute> routes)
        {
            Posts = posts;
            Routes = routes;
        }

        public IReadOnlyList<PlannedPost> Posts { get; }

        /// <summary>Every project × model of the chain, in the order the planner tries them.</summary>
        public IReadOnlyList<SummaryPlanRoute> Routes { get; }

        public int Cached => Posts.Count(p => p.Cached);

        public int Unsendable => Posts.Count(p => p.Unsendable);

        public int ToSend => Posts.Count(p => !p.Cached && !p.Unsendable);

        public long EstimatedInputTokens => Posts.Where(p => !p.Cached && !p.Unsendable).Sum(p => p.EstimatedInputTokens);

        /// <summary>Requests left today over every route; null when a route's daily limit is unknown.</summary>
        public int? RequestsLeftToday => Routes.Any(r => r.RequestsLeftToday == null) ? (int?)null : Routes.Sum(r => r.RequestsLeftToday!.Value);

        /// <summary>True or false when every daily limit is known; null when one is not, since the server may allow more.</summary>
        public bool? FitsToday => RequestsLeftToday is { } left ? ToSend <= left : (bool?)null;
    }

    public sealed class PlannedPost
    {
        internal PlannedPost(PostDocument post, PostSummary? cached, bool unsendable, long estimatedInputTokens)
        {
            Post = post;
            Record = cached;
            Source = post.Source;
            Cached = cached != null;
            Unsendable = unsendable;
            EstimatedInputTokens = estimatedInputTokens;
        }

        internal PostDocument Post { get; }

        /// <summary>The result cache's record, when it answers the post.</summary>
        internal PostSummary? Record { get; }

        public string Source { get; }
        public bool Cached { get; }

        /// <summary>Too long for any model: it would be reported, not sent.</summary>
        public bool Unsendable { get; }

        public long EstimatedInputTokens { get; }
    }

    /// <summary>Measure-PostSummary's answer: the plan, and the posts no model takes, each with the error a run would report.</summary>
    public sealed class BatchMeasure
    {
        internal BatchMeasure(SummaryPlan plan, IReadOnlyList<PostReadException> tooLong)
        {
            Plan = plan;
            TooLong = tooLong;
        }

        public SummaryPlan Plan { get; }

        public IReadOnlyList<PostReadException> TooLong { get; }
    }
}
