using InterviewTools.Engine.Posts;

namespace InterviewTools.Engine
{
    /// <summary>What the engine would do with one post, decided before anything is sent: reuse, refuse, or summarise.</summary>
    public sealed class PostPlan
    {
        internal PostPlan(PostDocument post, long estimatedInputTokens, string action, PostSummary? cached, PostReadException? unsendable)
        {
            Post = post;
            EstimatedInputTokens = estimatedInputTokens;
            Action = action;
            Cached = cached;
            Unsendable = unsendable;
        }

        public PostDocument Post { get; }

        /// <summary>The rough input tokens of its request (no network): for -WhatIf, the limit check and planning.</summary>
        public long EstimatedInputTokens { get; }

        /// <summary>What summarising it does, for a confirmation prompt.</summary>
        public string Action { get; }

        /// <summary>The result cache's record for it: nothing needs to be sent.</summary>
        public PostSummary? Cached { get; }

        /// <summary>Why no model could take it: it is reported and never sent.</summary>
        public PostReadException? Unsendable { get; }

        /// <summary>Neither cached nor refused: summarising it makes a request (or runs the offline summarizer).</summary>
        public bool NeedsWork => Cached == null && Unsendable == null;
    }
}
