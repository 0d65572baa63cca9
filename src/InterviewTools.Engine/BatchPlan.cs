using System;
using System.Collections.Generic;
using System.Linq;
using InterviewTools.Engine.Rotation;

namespace InterviewTools.Engine
{
    /// <summary>
    /// What a batch would cost before anything is sent: which posts the cache answers, how many tokens the rest need, and how
    /// many requests each route has left today and on whose word. The seed of Measure-PostSummary.
    /// </summary>
    public sealed class BatchPlan
    {
        internal BatchPlan(IReadOnlyList<PlannedPost> posts, IReadOnlyList<RouteAllowance> routes)
        {
            Posts = posts;
            Routes = routes;
        }

        public IReadOnlyList<PlannedPost> Posts { get; }

        /// <summary>Every project × model of the chain, in the order the planner tries them.</summary>
        public IReadOnlyList<RouteAllowance> Routes { get; }

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
        internal PlannedPost(string source, bool cached, bool unsendable, long estimatedInputTokens)
        {
            Source = source;
            Cached = cached;
            Unsendable = unsendable;
            EstimatedInputTokens = estimatedInputTokens;
        }

        public string Source { get; }
        public bool Cached { get; }

        /// <summary>Too long for any model: it would be reported, not sent.</summary>
        public bool Unsendable { get; }

        public long EstimatedInputTokens { get; }
    }

    /// <summary>One route's capacity for the rest of today (Pacific), and where its daily limit comes from.</summary>
    public sealed class RouteAllowance
    {
        internal RouteAllowance(string project, string model, int requestsToday, int? requestsPerDay, LimitSource source, bool usable)
        {
            Project = project;
            Model = model;
            RequestsToday = requestsToday;
            RequestsPerDay = requestsPerDay;
            Source = source;
            Usable = usable;
        }

        public string Project { get; }
        public string Model { get; }
        public int RequestsToday { get; }
        public int? RequestsPerDay { get; }
        public LimitSource Source { get; }

        /// <summary>False for a retired model, a refused key or a route out of quota for today.</summary>
        public bool Usable { get; }

        public int? RequestsLeftToday => !Usable ? 0 : RequestsPerDay is { } limit ? Math.Max(0, limit - RequestsToday) : (int?)null;
    }
}
