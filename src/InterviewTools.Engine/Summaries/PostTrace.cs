using System;
using System.Collections.Generic;
using System.Threading;
using InterviewTools.Engine.Gemini.Wire;
using InterviewTools.Engine.Policy;
using InterviewTools.Engine.Posts;
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

        public void Use(Route route, ISummaryObserver observer)
        {
            if (_route != null && (_route.Model != route.Model || _route.Key != route.Key))
            {
                var change = $"{_route} -> {route}: {_leaving ?? "no capacity"}";
                _switches.Add(change);
                observer.Verbose($"{_post.Source}: switched {change}");
            }
            _route = route;
        }

        public SummaryOutcome Answered(GenerateContentResponse response, int maxOutputTokens)
        {
            var outcome = SummaryAnswerParser.TryParse(response, maxOutputTokens, out var content, out var failure)
                ? new SummaryOutcome(_post, SummaryStatus.Succeeded) { Content = Merge(content) }
                : new SummaryOutcome(_post, SummaryStatus.Failed) { Failure = failure };
            outcome.InputTokens = response.UsageMetadata?.PromptTokenCount ?? 0;
            outcome.OutputTokens = (response.UsageMetadata?.CandidatesTokenCount ?? 0) + (response.UsageMetadata?.ThoughtsTokenCount ?? 0);
            return Finish(outcome);
        }

        public SummaryOutcome Failed(SummaryFailure failure) => Finish(new SummaryOutcome(_post, SummaryStatus.Failed) { Failure = failure });

        public SummaryOutcome Deferred(Blockage blockage, RoutePlanner planner)
        {
            var reason = $"Deferred: none of {planner.ProjectCount} project(s) × {planner.Chain.Count} model(s) has quota within {planner.MaxWait.TotalSeconds:0} s ({blockage.Reason}); quota returns at {blockage.Until.ToLocalTime():yyyy-MM-dd HH:mm} local.";
            return Finish(new SummaryOutcome(_post, SummaryStatus.Deferred)
            {
                Failure = new SummaryFailure(FailureKind.QuotaExhausted, reason, 429),
                RetryAt = blockage.Until,
            });
        }

        private SummaryContent Merge(SummaryContent answer)
        {
            if (_post.Title != null) answer.Title = _post.Title;
            if (_post.Topics.Count > 0) answer.Topics = _post.Topics;
            return answer;
        }

        private SummaryOutcome Finish(SummaryOutcome outcome)
        {
            outcome.Provider = SummaryProvider.Gemini;
            outcome.Model = _route?.Model ?? string.Empty;
            outcome.KeyId = _route?.Key.Key.Fingerprint ?? string.Empty;
            outcome.Attempts = _attempts;
            outcome.Switches = _switches.ToArray();
            outcome.Duration = _time.GetElapsedTime(_started);
            outcome.CompletedAt = _time.GetUtcNow();
            return outcome;
        }
    }
}
