using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using InterviewTools.Engine.Common;
using InterviewTools.Engine.Config;
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
        private int _inputTokens, _outputTokens, _thinkingTokens, _cachedTokens;

        public PostTrace(PostDocument post, TimeProvider time)
        {
            _post = post;
            _time = time;
            _started = time.GetTimestamp();
        }

        public void Attempted() => Interlocked.Increment(ref _attempts);

        public void Failing(RotationVerdict verdict) => _leaving = $"{verdict.Action}: {verdict.Reason}";

        /// <summary>The post is sent on <paramref name="route"/>; true when that is a switch from the route before.</summary>
        public bool Use(Route route, IEngineLog log)
        {
            var switched = _route != null && (_route.Model != route.Model || _route.Key != route.Key);
            if (switched)
            {
                var change = $"{_route} -> {route}: {_leaving ?? "no capacity"}";
                _switches.Add(change);
                log.Verbose($"{_post.Source}: switched {change}");
            }
            _route = route;
            return switched;
        }

        /// <summary>An answer the server billed but the post does not keep (a cut-off retried with more room) still counts in the post's tokens.</summary>
        public void Billed(UsageMetadata? usage)
        {
            if (usage == null) return;
            _inputTokens += usage.PromptTokenCount;
            _outputTokens += usage.CandidatesTokenCount;
            _thinkingTokens += usage.ThoughtsTokenCount;
            _cachedTokens += usage.CachedContentTokenCount;
        }

        /// <summary>The post goes to its route once more, for <paramref name="reason"/>: the record's Switches and the log say so.</summary>
        public void Retrying(string reason, IEngineLog log)
        {
            var retry = $"{_route}: {reason}";
            _switches.Add(retry);
            log.Verbose($"{_post.Source}: {retry}");
        }

        /// <summary>The server answered: its usageMetadata is what it bills, priced at the model's paid rate (charged only on a paid tier).</summary>
        public SummaryOutcome Answered(GenerateContentResponse response, int maxOutputTokens, ProjectTier tier, PriceTable prices)
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
            var record = outcome.Summary;
            Billed(response.UsageMetadata);
            record.InputTokens = _inputTokens;
            record.OutputTokens = _outputTokens;
            record.ThinkingTokens = _thinkingTokens;
            record.CachedTokens = _cachedTokens;
            record.WouldCost = prices.For(_route!.Model)?.Of(record.InputTokens, record.CachedTokens, record.OutputTokens, record.ThinkingTokens) ?? 0m;
            record.Cost = tier == ProjectTier.Paid ? record.WouldCost : 0m;
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
