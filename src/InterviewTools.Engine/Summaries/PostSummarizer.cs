using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using InterviewTools.Engine.Common;
using InterviewTools.Engine.Gemini;
using InterviewTools.Engine.Gemini.Wire;
using InterviewTools.Engine.Policy;
using InterviewTools.Engine.Posts;
using InterviewTools.Engine.Rotation;
using Polly;

namespace InterviewTools.Engine.Summaries
{
    /// <summary>
    /// Summarises posts over every key × model the planner offers: a failed request is classified once, the ledger learns from it,
    /// and the post moves on to the next route. Safe to call from several threads at once.
    /// </summary>
    internal sealed class PostSummarizer
    {
        /// <summary>A bound on how often one post may come back to the same route, e.g. when the server keeps refusing what the ledger allows.</summary>
        private const int MaxHopsPerRoute = 3;

        private readonly GeminiClient _client;
        private readonly RoutePlanner _planner;
        private readonly SummarizerOptions _options;
        private readonly TimeProvider _time;
        private readonly IEngineLog _log;
        private readonly ResiliencePipeline _pipeline;
        private readonly RunTally _tally;
        private readonly ConcurrentDictionary<string, bool> _announced = new ConcurrentDictionary<string, bool>(StringComparer.Ordinal);
        private readonly object _chainLock = new object();
        private Task<ChainCheck>? _chainCheck;

        public PostSummarizer(GeminiClient client, RoutePlanner planner, SummarizerOptions options, TimeProvider time, IEngineLog log, RunTally? tally = null)
        {
            _tally = tally ?? new RunTally();
            _client = client;
            _planner = planner;
            _options = options;
            _time = time;
            _log = log;
            _pipeline = TransientRetry.Create(options.MaxRetries, options.RetryBaseDelay, options.RetryMaxDelay, options.RequestTimeout, time, notice =>
            {
                _tally.Retried();
                log.Verbose($"{Describe(notice.Cause)}; retry {notice.Attempt} of {notice.MaxRetries} in {notice.Delay.TotalSeconds:0.0} s.");
            });
        }

        public async Task<SummaryOutcome> SummarizeAsync(PostDocument post, CancellationToken cancellationToken)
        {
            var trace = new PostTrace(post, _time);
            var chain = await CheckChainAsync(cancellationToken).ConfigureAwait(false);
            if (chain.Failure != null) return trace.Failed(chain.Failure);
            if (chain.Models.Count == 0) return trace.Failed(NoModelLeft());

            var tokens = TokenEstimate.OfRequest(_options.Prompt, post.Body);
            var maxOutputTokens = _options.MaxOutputTokens;
            var widened = false;
            var excluded = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            SummaryFailure? lastFailure = null;
            var hopsLeft = MaxHopsPerRoute * Math.Max(1, _planner.Keys.Count * chain.Models.Count) + 1;
            while (hopsLeft-- > 0)
            {
                DateTimeOffset? waitingSince = null;
                using var lease = await _planner.AcquireAsync(tokens, excluded, blockage =>
                {
                    var at = Waiting(post, blockage, first: waitingSince == null);
                    waitingSince ??= at;
                }, cancellationToken).ConfigureAwait(false);
                if (waitingSince is { } since) Waited(post, since, lease);
                if (lease.State == LeaseState.Deferred) return trace.Deferred(lease.Deferral!, _planner);
                if (lease.State == LeaseState.Exhausted && lease.Deferral is { Never: true } oversized) return trace.Failed(new SummaryFailure(FailureKind.InputTooLong, oversized.Reason + "."));
                if (lease.State == LeaseState.Exhausted) return trace.Failed(NothingUsable(lastFailure));

                var route = lease.Route;
                if (trace.Use(route, _log)) _tally.Switched();
                var request = SummaryRequestBuilder.Build(post, _options, route.Model, maxOutputTokens);
                try
                {
                    var tooLong = await InputTooLongAsync(post, request, route, chain.InputTokenLimit(route.Model), cancellationToken).ConfigureAwait(false);
                    if (tooLong != null)
                    {
                        lease.Fail(new RotationVerdict(RotationAction.FailPost, tooLong.Message));
                        return trace.Failed(tooLong);
                    }
                    var response = await _pipeline.ExecuteAsync(async token =>
                    {
                        trace.Attempted();
                        _tally.RequestSent();
                        return await _client.GenerateContentAsync(route.Model, request, route.Key.Key, token).ConfigureAwait(false);
                    }, cancellationToken).ConfigureAwait(false);
                    lease.Settle(response.UsageMetadata?.PromptTokenCount ?? 0);
                    // A cut-off answer is worth one more request with room to finish; a second cut-off fails the post.
                    if (!widened && SummaryAnswerParser.WasCutOff(response) && chain.LargerOutput(route.Model, maxOutputTokens) is { } larger)
                    {
                        trace.Billed(response.UsageMetadata);
                        _tally.Retried();
                        trace.Retrying($"the answer was cut off at maxOutputTokens {maxOutputTokens} (MAX_TOKENS); retried once with maxOutputTokens {larger}", _log);
                        maxOutputTokens = larger;
                        widened = true;
                        continue;
                    }
                    return trace.Answered(response, maxOutputTokens, lease.Reservation!.BilledTier, _options.Prices);
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    lease.Fail(new RotationVerdict(RotationAction.FailPost, "Stopped."));
                    throw;
                }
                catch (Exception e) when (FailureClassifier.IsServiceFailure(e))
                {
                    if (e is GeminiApiException { HttpStatus: 429 }) _tally.RateLimited();
                    var verdict = FailureClassifier.Verdict(e, _options.RequestTimeout);
                    // An endpoint nobody can reach blames no route: the lease ends uncounted and the run stops.
                    if (verdict.Action == RotationAction.EndpointUnreachable) return trace.Failed(verdict.Failure);
                    lease.Fail(verdict.Rotation);
                    lastFailure = verdict.Failure;
                    trace.Failing(verdict.Rotation);
                    Announce(route, verdict);
                    if (verdict.Action == RotationAction.FailPost) return trace.Failed(verdict.Failure);
                    if (verdict.Action == RotationAction.Transient || verdict.Action == RotationAction.RetireModel) excluded.Add(route.Model);
                }
            }
            return trace.Failed(NothingUsable(lastFailure));
        }

        /// <summary>A wait for quota begins: the progress record shows it, -Verbose says why, and the run summary counts it.</summary>
        private DateTimeOffset Waiting(PostDocument post, Blockage blockage, bool first)
        {
            var now = _time.GetUtcNow();
            _log.Waiting(blockage.WaitingFor, blockage.Until);
            if (first) _log.Verbose($"{post.Source}: waiting {(blockage.Until - now).TotalSeconds:0} s for quota, until {blockage.Until.ToLocalTime():HH:mm:ss} local: {blockage.WaitingFor}.");
            _tally.Waited(now, blockage.Until);
            return now;
        }

        private void Waited(PostDocument post, DateTimeOffset since, RouteLease lease)
        {
            var waited = (_time.GetUtcNow() - since).TotalSeconds;
            var next = lease.State == LeaseState.Granted ? $"sending to {lease.Route}" : "no route has quota in time";
            _log.Verbose($"{post.Source}: the wait for quota ended after {waited:0} s; {next}.");
        }

        /// <summary>Validates the chain once per run; later posts share the answer.</summary>
        public Task<ChainCheck> CheckChainAsync(CancellationToken cancellationToken, bool refresh = false)
        {
            lock (_chainLock)
            {
                if (refresh || _chainCheck == null || _chainCheck.IsCanceled || _chainCheck.IsFaulted)
                {
                    _chainCheck = ModelChain.ValidateAsync(_client, _planner, _pipeline, _time, _log, refresh, cancellationToken);
                }
                return _chainCheck;
            }
        }

        private void Announce(Route route, FailureVerdict verdict)
        {
            switch (verdict.Action)
            {
                case RotationAction.DisableKey when _announced.TryAdd("key " + route.Key.Key.Fingerprint, true):
                    _log.Warning($"Key {route.Key.Key.Fingerprint} ({route.Key.Origin}) is set aside: {verdict.Reason}");
                    break;
                case RotationAction.RetireModel when _announced.TryAdd("model " + route.Model, true):
                    _log.Warning($"{route.Model} is retired ({verdict.Reason}); it will not be tried again. Reset-QuotaStatus -Model {route.Model} forgets that.");
                    break;
                case RotationAction.ExhaustedToday when _announced.TryAdd("day " + route.Project + "|" + route.Model, true):
                    _log.Verbose($"{route.Model} for project {route.Project} is out of daily quota until {PacificTime.NextMidnight(_time.GetUtcNow()).ToLocalTime():t} local (00:00 PT).");
                    break;
            }
        }

        private async Task<SummaryFailure?> InputTooLongAsync(PostDocument post, GenerateContentRequest request, Route route, int limit, CancellationToken cancellationToken)
        {
            var counted = await CountNearLimitAsync(post, request, route, limit, cancellationToken).ConfigureAwait(false);
            return counted is { } tokens && tokens > limit ? TooLong(tokens, route.Model, limit) : null;
        }

        /// <summary>countTokens' figure for a post whose bound comes near <paramref name="limit"/>; null (and no request) for any other.</summary>
        private async Task<int?> CountNearLimitAsync(PostDocument post, GenerateContentRequest request, Route route, int limit, CancellationToken cancellationToken)
        {
            var instruction = request.SystemInstruction?.Parts?[0].Text ?? string.Empty;
            if (TokenEstimate.UpperBound(instruction) + TokenEstimate.UpperBound(post.Body) <= limit) return null;
            return await _pipeline.ExecuteAsync(token => new ValueTask<int>(_client.CountTokensAsync(route.Model, request, route.Key.Key, token)), cancellationToken).ConfigureAwait(false);
        }

        /// <summary>What a run's limit check would find for <paramref name="post"/> on <paramref name="model"/>, with no generate request.</summary>
        public async Task<(int? Counted, SummaryFailure? TooLong)> MeasureAsync(PostDocument post, string model, int limit, CancellationToken cancellationToken)
        {
            var route = _planner.Candidates(Array.Empty<string>()).FirstOrDefault(r => r.Model == model);
            if (route == null) return (null, null);
            var counted = await CountNearLimitAsync(post, SummaryRequestBuilder.Build(post, _options, model), route, limit, cancellationToken).ConfigureAwait(false);
            return (counted, counted is { } tokens && tokens > limit ? TooLong(tokens, model, limit) : null);
        }

        private static SummaryFailure TooLong(int counted, string model, int limit) =>
            new SummaryFailure(FailureKind.InputTooLong, $"The post has {counted:N0} input tokens with the prompt; {model} accepts at most {limit:N0}.");

        private SummaryFailure NoModelLeft() => new SummaryFailure(FailureKind.NoUsableModel,
            $"No model of the chain ({string.Join(", ", _options.Models)}) is offered by the API or still current. Name current models with -Model, or see Get-QuotaStatus.");

        /// <summary>
        /// Why no route is left for this post: every key refused or every model retired stops the run, whatever this post saw last;
        /// otherwise the post's own last failure (such as a 503 burst on each model) fails only the post.
        /// </summary>
        private SummaryFailure NothingUsable(SummaryFailure? lastFailure)
        {
            var state = _planner.Snapshot();
            var refused = _planner.Keys.Where(k => state.Keys.TryGetValue(k.Key.Fingerprint, out var r) && r.Disabled != null).ToList();
            if (refused.Count == _planner.Keys.Count)
            {
                var reasons = string.Join("; ", refused.Select(k => $"{k.Key.Fingerprint}: {state.Keys[k.Key.Fingerprint].Disabled!.Reason}"));
                return new SummaryFailure(FailureKind.NoUsableKey, $"Every API key was refused ({reasons}). Fix or replace them, then Reset-QuotaStatus -KeyId <fingerprint>.");
            }
            if (_planner.Chain.All(model => state.RetiredModels.ContainsKey(model))) return NoModelLeft();
            return lastFailure ?? NoModelLeft();
        }

        internal static string Describe(Exception e) => e switch
        {
            GeminiApiException api => $"{api.HttpStatus} {api.Error.Status}",
            Polly.Timeout.TimeoutRejectedException _ => "timed out",
            _ => e.Message,
        };
    }
}
