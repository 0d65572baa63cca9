using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using InterviewTools.Engine.Common;
using InterviewTools.Engine.Posts;
using InterviewTools.Engine.Rotation;
using InterviewTools.Engine.Summaries;
using InterviewTools.FakeGemini;
using Xunit;
using FakeLimits = InterviewTools.FakeGemini.QuotaLimits;

namespace InterviewTools.Engine.Tests.Rotation
{
    /// <summary>
    /// Limits the ledger does not know (first use, after Reset-QuotaStatus, another process) are found with one 429 per route:
    /// a route whose limits no 429 stated takes one request at a time, and that claim is in the ledger, for every process.
    /// Waiting behind a probe polls the clock, so these run on real time against a free project whose limits are the table's.
    /// </summary>
    public sealed class RelearningTests : FakeServerTest
    {
        private const string Flash = "gemini-2.5-flash";
        private const string Lite = "gemini-2.5-flash-lite";
        private const string Flash35 = "gemini-3.5-flash";
        private const string Lite31 = "gemini-3.1-flash-lite";
        private const string Project = "project-engine";
        private readonly RecordingObserver _observer = new RecordingObserver();

        protected override void Configure(FakeGeminiOptions options)
        {
            options.Latency = TimeSpan.FromMilliseconds(50);
            options.ModelQuotas[Flash] = new FakeLimits(Rpm: 5, Rpd: 20);
            options.ModelQuotas[Lite] = new FakeLimits(Rpm: 10, Rpd: 20);
            options.ModelQuotas[Flash35] = new FakeLimits(Rpm: 5, Rpd: 20);
            options.ModelQuotas[Lite31] = new FakeLimits(Rpm: 15, Rpd: 500);
        }

        [Fact]
        public async Task AfterAProjectResetEachRouteIsRelearnedWithAtMostOne429()
        {
            var ledger = NewLedger(TimeProvider.System, new RouteLimits());
            await Concurrently(Summarizer(ledger), 16, "first");
            var before = Server.Requests.Count;
            Assert.True(ledger.Reset(new LedgerReset { Project = Project }) > 0);

            var outcomes = await Concurrently(Summarizer(ledger), 16, "again");

            var after = Server.Requests.Skip(before).Where(r => r.Status == 429).ToList();
            Assert.NotEmpty(after);   // the server still counts the first run: the ledger must find that out again
            Assert.All(after.GroupBy(r => r.Model), model => Assert.Single(model));
            Assert.DoesNotContain(outcomes, o => o.Summary.Status == PostSummaryStatus.Failed);
            Assert.Equal(ProjectTier.Free, ledger.Snapshot().TierOf(Project));
        }

        [Theory]
        [InlineData(true)]
        [InlineData(false)]
        public async Task TwoEnginesOnOneStateFolderLearnAnUnknownProjectsTierWithOne429(bool builtInLimits)
        {
            // Two processes, as SharedLedgerTests runs them: their own planners and ledger objects, one ledger file, two posts at a time each.
            // Without the built-in table every route's limits are unknown, and only a claim in the ledger keeps the two from probing at once.
            var first = Summarizer(NewLedger(TimeProvider.System, new RouteLimits(useBuiltInDefaults: builtInLimits)), Flash35, Lite31);
            var second = Summarizer(NewLedger(TimeProvider.System, new RouteLimits(useBuiltInDefaults: builtInLimits)), Flash35, Lite31);

            var outcomes = await Task.WhenAll(Throttled(first, 8, "A"), Throttled(second, 8, "B"));

            Assert.Single(Server.Requests, r => r.Status == 429);
            Assert.Equal(16, outcomes.SelectMany(o => o).Count(o => o.Summary.Status == PostSummaryStatus.Succeeded));
            Assert.Equal(ProjectTier.Free, NewLedger(TimeProvider.System, new RouteLimits()).Snapshot().TierOf(Project));
        }

        private PostSummarizer Summarizer(FileLedgerStore ledger, params string[] models) =>
            NewSummarizer(models.Length == 0 ? new[] { Flash, Lite } : models, _observer, new SummarizerOptions { MaxRetries = 0, RequestTimeout = TimeSpan.FromSeconds(10) },
                new[] { new PooledKey(ApiKey.FromPlainText(Secret), Project, "test") }, ledger, TimeProvider.System);

        private static async Task<SummaryOutcome[]> Throttled(PostSummarizer summarizer, int count, string run)
        {
            using var slots = new SemaphoreSlim(2);
            return await Task.WhenAll(Enumerable.Range(0, count).Select(async i =>
            {
                await slots.WaitAsync();
                try
                {
                    return await summarizer.SummarizeAsync(PostReader.ReadText($"{run}-{i}", $"{run} 第 {i} 篇：什么是 GQA？"), CancellationToken.None);
                }
                finally
                {
                    slots.Release();
                }
            }));
        }

        private static Task<SummaryOutcome[]> Concurrently(PostSummarizer summarizer, int count, string run) =>
            Task.WhenAll(Enumerable.Range(0, count).Select(i => summarizer.SummarizeAsync(PostReader.ReadText($"{run}-{i}", $"{run} 第 {i} 篇：什么是 GQA？"), CancellationToken.None)));
    }
}
