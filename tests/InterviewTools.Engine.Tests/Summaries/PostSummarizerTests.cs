using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using InterviewTools.Engine.Gemini;
using InterviewTools.Engine.Policy;
using InterviewTools.Engine.Posts;
using InterviewTools.Engine.Common;
using InterviewTools.Engine.Summaries;
using InterviewTools.FakeGemini;
using Xunit;

namespace InterviewTools.Engine.Tests.Summaries
{
    public sealed class PostSummarizerTests : FakeServerTest
    {
        private readonly RecordingObserver _observer = new RecordingObserver();

        protected override void Configure(FakeGeminiOptions options)
        {
            options.Models.Add(new FakeModel("gemini-tiny-window") { InputTokenLimit = 1000 });
            options.Models.Add(new FakeModel("gemini-short-output") { OutputTokenLimit = 12_000 });
        }

        [Fact]
        public async Task SucceedsWithPostTitleAndHashtagsOverridingTheModel()
        {
            var outcome = await Summarizer().SummarizeAsync(PostReader.ReadText("p", "【面经】什么是 GQA？\n#大模型[话题]#"), CancellationToken.None);

            Assert.Equal(PostSummaryStatus.Succeeded, outcome.Summary.Status);
            Assert.Equal("【面经】什么是 GQA？", outcome.Summary.Title);
            Assert.Equal(new[] { "大模型" }, outcome.Summary.Topics);
            Assert.Equal(1, outcome.Summary.Attempts);
            Assert.Equal("gemini-2.5-flash", outcome.Summary.Model);
            Assert.Equal(ApiKey.FingerprintOf(Secret), outcome.Summary.KeyId);
            Assert.True(outcome.Summary.InputTokens > 0);
        }

        [Fact]
        public async Task TransientFaultsAreRetriedAndReported()
        {
            Server.Enqueue(FakeReply.Overloaded());
            Server.Enqueue(FakeReply.DropConnection());

            var outcome = await Summarizer().SummarizeAsync(PostReader.ReadText("p", "什么是 RoPE？"), CancellationToken.None);

            Assert.Equal(PostSummaryStatus.Succeeded, outcome.Summary.Status);
            Assert.Equal(3, outcome.Summary.Attempts);
            Assert.Equal(2, _observer.VerboseLines.Count(v => v.Contains("retry")));
            Assert.DoesNotContain(_observer.VerboseLines, v => v.Contains(Secret));
        }

        [Fact]
        public async Task AQuotaRefusalIsNotRetriedOnTheSameRouteAndABadRequestFailsOnlyItsPost()
        {
            Server.Enqueue(FakeReply.PerMinuteQuota("gemini-2.5-flash", retryIn: TimeSpan.FromSeconds(40)));
            var quota = await Summarizer().SummarizeAsync(PostReader.ReadText("a", "a 面经"), CancellationToken.None);

            Server.Enqueue(FakeReply.InvalidArgument("Invalid JSON payload received."));
            var invalid = await Summarizer(ledgerFolder: "other").SummarizeAsync(PostReader.ReadText("b", "b 面经"), CancellationToken.None);

            Assert.Equal((PostSummaryStatus.Deferred, 1), (quota.Summary.Status, quota.Summary.Attempts));
            Assert.InRange(quota.Summary.RetryAt!.Value - DateTimeOffset.UtcNow, TimeSpan.FromSeconds(35), TimeSpan.FromSeconds(45));
            Assert.Equal((FailureKind.InvalidRequest, 1), (invalid.Failure!.Kind, invalid.Summary.Attempts));
        }

        [Fact]
        public async Task PostOverTheModelsWindowIsCountedThenRefused()
        {
            var summarizer = Summarizer("gemini-tiny-window");

            var outcome = await summarizer.SummarizeAsync(PostReader.ReadText("long", string.Concat(Enumerable.Repeat("长文本", 400))), CancellationToken.None);
            var shortOne = await summarizer.SummarizeAsync(PostReader.ReadText("short", "短"), CancellationToken.None);

            Assert.Equal(FailureKind.InputTooLong, outcome.Failure!.Kind);
            Assert.Contains("1,000", outcome.Failure.Message);
            Assert.Equal(PostSummaryStatus.Succeeded, shortOne.Summary.Status);
            Assert.Equal(1, Server.CountFor(RouteKind.CountTokens));
            Assert.Equal(1, Server.CountFor(RouteKind.ListModels));
        }

        [Fact]
        public async Task UnknownModelFailsEveryPostWithoutGenerating()
        {
            var summarizer = Summarizer("gemini-1.5-flash");

            var first = await summarizer.SummarizeAsync(PostReader.ReadText("a", "a"), CancellationToken.None);
            var second = await summarizer.SummarizeAsync(PostReader.ReadText("b", "b"), CancellationToken.None);

            Assert.True(first.Failure!.StopsTheRun);
            Assert.Equal(FailureKind.NoUsableModel, second.Failure!.Kind);
            Assert.Equal(0, Server.GenerateCount);
            Assert.Equal(1, Server.CountFor(RouteKind.ListModels));
            Assert.Contains(_observer.Warnings, w => w.Contains("gemini-1.5-flash") && w.Contains("does not list"));
        }

        [Fact]
        public async Task CancellationPropagatesInsteadOfFailingThePost()
        {
            Server.Enqueue(FakeReply.Slow(TimeSpan.FromSeconds(30), FakeReply.Json("{}")));
            using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Summarizer().SummarizeAsync(PostReader.ReadText("p", "p"), cancel.Token));
        }

        [Fact]
        public async Task EachAttemptHasItsOwnTimeout()
        {
            Server.Enqueue(FakeReply.Slow(TimeSpan.FromSeconds(30), FakeReply.Json("{}")));

            var outcome = await Summarizer(timeout: TimeSpan.FromMilliseconds(300), retries: 1).SummarizeAsync(PostReader.ReadText("p", "什么是 MoE？"), CancellationToken.None);

            Assert.Equal(PostSummaryStatus.Succeeded, outcome.Summary.Status);
            Assert.Equal(2, outcome.Summary.Attempts);
            Assert.Contains(_observer.VerboseLines, v => v.Contains("timed out"));
        }

        [Fact]
        public async Task AnAnswerCutOffAtMaxOutputTokensIsRetriedOnceWithTwiceTheRoomAndTheRecordSaysWhy()
        {
            // The fake cuts an answer at maxOutputTokens with MAX_TOKENS: 10,000 tokens do not fit the default 8,192 but fit 16,384.
            Server.Enqueue(LongAnswer(10_000));
            Server.Enqueue(LongAnswer(10_000));

            var outcome = await Summarizer().SummarizeAsync(PostReader.ReadText("p", "什么是 KV cache？"), CancellationToken.None);

            Assert.Equal(PostSummaryStatus.Succeeded, outcome.Summary.Status);
            Assert.Equal(2, outcome.Summary.Attempts);
            Assert.Equal(new[] { 8192, 16_384 }, SentMaxOutputTokens());
            var retry = Assert.Single(outcome.Summary.Switches);
            Assert.Contains("MAX_TOKENS", retry);
            Assert.Contains("16384", retry);
            Assert.Contains(_observer.VerboseLines, v => v.StartsWith("p: ") && v.Contains("MAX_TOKENS"));
        }

        [Fact]
        public async Task TheRetryStaysWithinTheModelsOutputLimitAndASecondCutOffFailsThePost()
        {
            Server.Enqueue(LongAnswer(20_000));
            Server.Enqueue(LongAnswer(20_000));
            Server.Enqueue(LongAnswer(20_000));

            var outcome = await Summarizer("gemini-short-output").SummarizeAsync(PostReader.ReadText("p", "什么是 KV cache？"), CancellationToken.None);

            Assert.Equal(FailureKind.AnswerTruncated, outcome.Failure!.Kind);
            Assert.Contains("12000", outcome.Failure.Message);
            Assert.Equal(new[] { 8192, 12_000 }, SentMaxOutputTokens());
        }

        private static FakeReply LongAnswer(int tokens) => FakeReply.Json("{\"summary\": \"" + new string('长', tokens) + "\"}");

        private int[] SentMaxOutputTokens() => Server.Requests.Where(r => r.Route == RouteKind.Generate)
            .Select(r => System.Text.Json.JsonDocument.Parse(r.Body).RootElement.GetProperty("generationConfig").GetProperty("maxOutputTokens").GetInt32()).ToArray();

        private PostSummarizer Summarizer(string model = "gemini-2.5-flash", TimeSpan? timeout = null, int retries = 3, string? ledgerFolder = null) =>
            NewSummarizer(new[] { model }, _observer,
                new SummarizerOptions { MaxRetries = retries, RetryBaseDelay = TimeSpan.FromMilliseconds(5), RequestTimeout = timeout ?? TimeSpan.FromSeconds(10) },
                ledger: ledgerFolder == null ? null : new InterviewTools.Engine.Rotation.FileLedgerStore(System.IO.Path.Combine(StateFolder, ledgerFolder, "ledger.json"),
                    new InterviewTools.Engine.Rotation.RouteLimits(useBuiltInDefaults: false), TimeProvider.System, new WarningLog(_ => { })));
    }
}
