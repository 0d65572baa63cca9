using System;
using System.Threading;
using System.Threading.Tasks;
using InterviewTools.Engine.Gemini;
using InterviewTools.Engine.Gemini.Wire;
using InterviewTools.Engine.Posts;
using InterviewTools.Engine.Resilience;
using InterviewTools.Engine.Security;
using Polly;

namespace InterviewTools.Engine.Summaries
{
    /// <summary>Summarises posts with one key and one model. Safe to call from several threads at once.</summary>
    public sealed class PostSummarizer
    {
        private readonly GeminiClient _client;
        private readonly ApiKey _key;
        private readonly SummarizerOptions _options;
        private readonly TimeProvider _time;
        private readonly ISummaryObserver _observer;
        private readonly ResiliencePipeline _pipeline;
        private readonly object _modelCheckLock = new object();
        private Task<ModelCheck>? _modelCheck;

        public PostSummarizer(GeminiClient client, ApiKey key, SummarizerOptions options, TimeProvider time, ISummaryObserver observer)
        {
            _client = client;
            _key = key;
            _options = options;
            _time = time;
            _observer = observer;
            _pipeline = TransientRetry.Create(options.MaxRetries, options.RetryBaseDelay, options.RetryMaxDelay, options.RequestTimeout, time, notice =>
                observer.Verbose($"{ModelId.Bare(options.Model)} via {key}: {Describe(notice.Cause)}; retry {notice.Attempt} of {notice.MaxRetries} in {notice.Delay.TotalSeconds:0.0} s."));
        }

        public async Task<SummaryOutcome> SummarizeAsync(PostDocument post, CancellationToken cancellationToken)
        {
            var started = _time.GetTimestamp();
            var attempts = 0;
            try
            {
                var model = await CheckModelAsync(cancellationToken).ConfigureAwait(false);
                if (model.Failure != null) return Failed(post, model.Failure, attempts, started);

                var request = SummaryRequestBuilder.Build(post, _options);
                var tooLong = await InputTooLongAsync(post, request, model.InputTokenLimit, cancellationToken).ConfigureAwait(false);
                if (tooLong != null) return Failed(post, tooLong, attempts, started);

                var response = await _pipeline.ExecuteAsync(async token =>
                {
                    Interlocked.Increment(ref attempts);
                    return await _client.GenerateContentAsync(_options.Model, request, _key, token).ConfigureAwait(false);
                }, cancellationToken).ConfigureAwait(false);

                var parsed = SummaryAnswerParser.TryParse(response, _options.MaxOutputTokens, out var content, out var failure);
                var outcome = parsed
                    ? Finish(new SummaryOutcome(post, SummaryStatus.Succeeded) { Content = Merge(post, content) }, attempts, started)
                    : Failed(post, failure!, attempts, started);
                outcome.InputTokens = response.UsageMetadata?.PromptTokenCount ?? 0;
                outcome.OutputTokens = (response.UsageMetadata?.CandidatesTokenCount ?? 0) + (response.UsageMetadata?.ThoughtsTokenCount ?? 0);
                return outcome;
            }
            catch (Exception e) when (FailureClassifier.IsServiceFailure(e))
            {
                return Failed(post, FailureClassifier.Classify(e, _options.RequestTimeout), attempts, started);
            }
        }

        private Task<ModelCheck> CheckModelAsync(CancellationToken cancellationToken)
        {
            lock (_modelCheckLock)
            {
                if (_modelCheck == null || _modelCheck.IsCanceled) _modelCheck = ReadModelAsync(cancellationToken);
                return _modelCheck;
            }
        }

        private async Task<ModelCheck> ReadModelAsync(CancellationToken cancellationToken)
        {
            try
            {
                var info = await _pipeline.ExecuteAsync(token => new ValueTask<ModelInfo>(_client.GetModelAsync(_options.Model, _key, token)), cancellationToken).ConfigureAwait(false);
                var limit = info.InputTokenLimit > 0 ? info.InputTokenLimit : SummarizerOptions.FallbackInputTokenLimit;
                _observer.Verbose($"{info.Id}: accepts {limit:N0} input tokens; asking for at most {_options.MaxOutputTokens:N0} output tokens.");
                return new ModelCheck(limit, null);
            }
            catch (GeminiApiException e) when (e.HttpStatus == 404)
            {
                var failure = new SummaryFailure(FailureKind.ModelNotFound,
                    $"The model '{ModelId.Bare(_options.Model)}' does not exist or is retired ({e.Error.Message}). Pick a current model with -Model.", 404);
                return new ModelCheck(0, failure);
            }
            catch (GeminiApiException e) when (FailureClassifier.Classify(e.Error).Kind == FailureKind.KeyRejected)
            {
                return new ModelCheck(0, FailureClassifier.Classify(e.Error));
            }
            catch (Exception e) when (FailureClassifier.IsServiceFailure(e))
            {
                _observer.Warning($"Could not read the limits of {ModelId.Bare(_options.Model)} ({Describe(e)}); assuming {SummarizerOptions.FallbackInputTokenLimit:N0} input tokens.");
                return new ModelCheck(SummarizerOptions.FallbackInputTokenLimit, null);
            }
        }

        private async Task<SummaryFailure?> InputTooLongAsync(PostDocument post, GenerateContentRequest request, int limit, CancellationToken cancellationToken)
        {
            var instruction = request.SystemInstruction?.Parts?[0].Text ?? string.Empty;
            if (TokenEstimate.UpperBound(instruction) + TokenEstimate.UpperBound(post.Body) <= limit) return null;
            var counted = await _pipeline.ExecuteAsync(token => new ValueTask<int>(_client.CountTokensAsync(_options.Model, request, _key, token)), cancellationToken).ConfigureAwait(false);
            return counted <= limit
                ? null
                : new SummaryFailure(FailureKind.InputTooLong, $"The post has {counted:N0} input tokens with the prompt; {ModelId.Bare(_options.Model)} accepts at most {limit:N0}.");
        }

        private static SummaryContent Merge(PostDocument post, SummaryContent answer)
        {
            if (post.Title != null) answer.Title = post.Title;
            if (post.Topics.Count > 0) answer.Topics = post.Topics;
            return answer;
        }

        private SummaryOutcome Failed(PostDocument post, SummaryFailure failure, int attempts, long started) =>
            Finish(new SummaryOutcome(post, SummaryStatus.Failed) { Failure = failure }, attempts, started);

        private SummaryOutcome Finish(SummaryOutcome outcome, int attempts, long started)
        {
            outcome.Model = ModelId.Bare(_options.Model);
            outcome.KeyId = _key.Fingerprint;
            outcome.Attempts = attempts;
            outcome.Duration = _time.GetElapsedTime(started);
            outcome.CompletedAt = _time.GetUtcNow();
            return outcome;
        }

        private static string Describe(Exception e) => e switch
        {
            GeminiApiException api => $"{api.HttpStatus} {api.Error.Status}",
            Polly.Timeout.TimeoutRejectedException _ => "timed out",
            _ => e.Message,
        };

        private sealed class ModelCheck
        {
            public ModelCheck(int inputTokenLimit, SummaryFailure? failure)
            {
                InputTokenLimit = inputTokenLimit;
                Failure = failure;
            }

            public int InputTokenLimit { get; }
            public SummaryFailure? Failure { get; }
        }
    }
}
