using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using InterviewTools.Engine.Common;
using InterviewTools.Engine.Gemini.Wire;
using InterviewTools.Engine.Policy;
using InterviewTools.Engine.Posts;
using InterviewTools.Engine.Resources;
using InterviewTools.Engine.Rotation;

namespace InterviewTools.Engine.Summaries
{
    /// <summary>The provenance of one post as it moves between routes: attempts, each switch and its reason, and the outcome.</summary>
    internal sealed class PostTrace
    {
        private readonly PostDocument _post;
        private readonly TimeProvider _time;
        private readonly long _started;
        private readonly List<string> _switches = new List<string>();
        private Route? _route;
        private string? _leaving;
        private int _attempts;

        public PostTrace(PostDocument post, TimeProvider time)
        {
            _post = post;
            _time = time;
            _started = time.GetTimestamp();
        }

        public void Attempted() => Interlocked.Increment(ref _attempts);

        public void Failing(RotationVerdict verdict) => _leaving = $"{verdict.Action}: {verdict.Reason}";

        public void Use(Route route, IEngineLog log)
        {
            if (_route != null && (_route.Model != route.Model || _route.Key != route.Key))
            {
                var change = $"{_route} -> {route}: {_leaving ?? "no capacity"}";
                _switches.Add(change);
                log.Verbose($"{_post.Source}: switched {change}");
            }
            _route = route;
        }

        /// <summary>The post goes to its route once more, for <paramref name="reason"/>: the record's Switches and the log say so.</summary>
        public void Retrying(string reason, IEngineLog log)
        {
            var retry = $"{_route}: {reason}";
            _switches.Add(retry);
            log.Verbose($"{_post.Source}: {retry}");
        }

        public SummaryOutcome Answered(GenerateContentResponse response, int maxOutputTokens)
        {
            SummaryOutcome outcome;
            if (SummaryAnswerParser.TryParse(response, maxOutputTokens, out var content, out var failure))
            {
                content.Source = _post.Source;
                content.ContentHash = _post.ContentHash;
                content.Status = PostSummaryStatus.Succeeded;
                if (_post.Title != null) content.Title = _post.Title;
                if (_post.Topics.Count > 0) content.Topics = _post.Topics.ToArray();
                outcome = new SummaryOutcome(_post, content);
            }
            else
            {
                outcome = new SummaryOutcome(_post, SummaryOutcome.Record(_post, PostSummaryStatus.Failed), failure);
            }
            outcome.Summary.InputTokens = response.UsageMetadata?.PromptTokenCount ?? 0;
            outcome.Summary.OutputTokens = (response.UsageMetadata?.CandidatesTokenCount ?? 0) + (response.UsageMetadata?.ThoughtsTokenCount ?? 0);
            return Finish(outcome);
        }

        public SummaryOutcome Failed(SummaryFailure failure) => Finish(new SummaryOutcome(_post, SummaryOutcome.Record(_post, PostSummaryStatus.Failed), failure));

        public SummaryOutcome Deferred(Blockage blockage, RoutePlanner planner)
        {
            var routes = Message.Format(EngineMessages.Routes, planner.ProjectCount, planner.Chain.Count);
            var reason = Message.Format(EngineMessages.DeferredReason, routes, planner.MaxWait.TotalSeconds, blockage.Reason, blockage.Until.ToLocalTime());
            var record = SummaryOutcome.Record(_post, PostSummaryStatus.Deferred);
            record.RetryAt = blockage.Until;
            // A post deferred before its first request still names the route it waits for, so the row says which model.
            _route ??= blockage.Route;
            return Finish(new SummaryOutcome(_post, record, new SummaryFailure(FailureKind.QuotaExhausted, reason, 429)));
        }

        private SummaryOutcome Finish(SummaryOutcome outcome)
        {
            var record = outcome.Summary;
            record.Provider = PostSummaryProvider.Gemini;
            record.Model = _route?.Model ?? string.Empty;
            record.KeyId = _route?.Key.Key.Fingerprint ?? string.Empty;
            record.Attempts = _attempts;
            record.Switches = _switches.ToArray();
            record.Duration = _time.GetElapsedTime(_started);
            record.CompletedAt = _time.GetUtcNow();
            return outcome;
        }
    }
}
