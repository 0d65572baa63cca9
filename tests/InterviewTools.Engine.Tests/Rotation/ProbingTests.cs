using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using InterviewTools.Engine.Posts;
using InterviewTools.Engine.Rotation;
using InterviewTools.Engine.Common;
using InterviewTools.Engine.Summaries;
using InterviewTools.FakeGemini;
using Xunit;
using FakeLimits = InterviewTools.FakeGemini.QuotaLimits;

namespace InterviewTools.Engine.Tests.Rotation
{
    /// <summary>Routes whose limits nobody stated: concurrent posts must not pay one 429 each to find the limit.</summary>
    public sealed class ProbingTests : FakeServerTest
    {
        private const string Flash = "gemini-2.5-flash";
        private const string Lite = "gemini-2.5-flash-lite";
        private readonly RecordingObserver _observer = new RecordingObserver();

        protected override void Configure(FakeGeminiOptions options)
        {
            options.Latency = TimeSpan.FromMilliseconds(100);
            options.ModelQuotas[Flash] = new FakeLimits(Rpd: 3);
        }

        [Fact]
        public async Task ConcurrentPostsFindAnUnknownDailyLimitWithOne429()
        {
            var summarizer = Summarizer(new[] { Flash, Lite });

            var outcomes = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => summarizer.SummarizeAsync(Post(i), CancellationToken.None)));

            Assert.All(outcomes, o => Assert.Equal(PostSummaryStatus.Succeeded, o.Summary.Status));
            Assert.Equal(3, outcomes.Count(o => o.Summary.Model == Flash));
            Assert.Single(Server.Requests, r => r.Status == 429);
            Assert.Equal(3, NewLedger().Snapshot().Routes[RouteUsage.KeyOf(ApiKey.FingerprintOf(Secret), Flash)].Learned.RequestsPerDay);
        }

        [Fact]
        public async Task ARouteThatOutrunsEveryFreeTierIsNoLongerProbedOneAtATime()
        {
            var summarizer = Summarizer(new[] { Lite });

            var outcomes = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => summarizer.SummarizeAsync(Post(i), CancellationToken.None)));

            Assert.All(outcomes, o => Assert.Equal(PostSummaryStatus.Succeeded, o.Summary.Status));
            Assert.True(NewLedger().Snapshot().Routes[RouteUsage.KeyOf(ApiKey.FingerprintOf(Secret), Lite)].BeyondFreeTier);
            Assert.True(Server.MaxConcurrentGenerates > 1, "requests never ran concurrently once the route was known to be beyond the free tier");
            var first = Server.Requests.Where(r => r.Route == RouteKind.Generate).Take(FreeTierDefaults.HighestRequestsPerMinute + 1).ToList();
            Assert.All(first.Zip(first.Skip(1)), pair => Assert.True(pair.Second.ReceivedAt >= pair.First.ReceivedAt + TimeSpan.FromMilliseconds(90), "the probe phase overlapped"));
        }

        private PostSummarizer Summarizer(string[] models) =>
            NewSummarizer(models, _observer, new SummarizerOptions { MaxRetries = 0, RequestTimeout = TimeSpan.FromSeconds(10) });

        private static PostDocument Post(int i) => PostReader.ReadText("p" + i, $"第 {i} 篇：什么是 GQA？");
    }
}
