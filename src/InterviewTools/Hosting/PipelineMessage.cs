using System;
using InterviewTools.Engine.Posts;
using InterviewTools.Engine.Summaries;

namespace InterviewTools.Hosting
{
    internal enum PipelineMessageKind
    {
        Completed,
        Cancelled,
        Crashed,
        Verbose,
        Warning,
        Waiting,
    }

    /// <summary>What a worker thread hands to the pipeline thread, the only one allowed to write.</summary>
    internal sealed class PipelineMessage
    {
        private PipelineMessage(PipelineMessageKind kind, PostDocument? post, SummaryOutcome? outcome, string? text, Exception? exception, DateTimeOffset until = default)
        {
            Until = until;
            Kind = kind;
            Post = post;
            Outcome = outcome;
            Text = text;
            Exception = exception;
        }

        public PipelineMessageKind Kind { get; }
        public PostDocument? Post { get; }
        public SummaryOutcome? Outcome { get; }
        public string? Text { get; }
        public Exception? Exception { get; }
        public DateTimeOffset Until { get; }

        public bool EndsWork => Kind == PipelineMessageKind.Completed || Kind == PipelineMessageKind.Cancelled || Kind == PipelineMessageKind.Crashed;

        public static PipelineMessage Completed(SummaryOutcome outcome) => new PipelineMessage(PipelineMessageKind.Completed, outcome.Post, outcome, null, null);
        public static PipelineMessage Cancelled(PostDocument post) => new PipelineMessage(PipelineMessageKind.Cancelled, post, null, null, null);
        public static PipelineMessage Crashed(PostDocument post, Exception e) => new PipelineMessage(PipelineMessageKind.Crashed, post, null, null, e);
        public static PipelineMessage Verbose(string text) => new PipelineMessage(PipelineMessageKind.Verbose, null, null, text, null);
        public static PipelineMessage Warning(string text) => new PipelineMessage(PipelineMessageKind.Warning, null, null, text, null);
        public static PipelineMessage Waiting(string what, DateTimeOffset until) => new PipelineMessage(PipelineMessageKind.Waiting, null, null, what, null, until);
    }
}
