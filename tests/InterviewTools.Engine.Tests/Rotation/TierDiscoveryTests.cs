using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using InterviewTools.Engine.Common;
using InterviewTools.Engine.Posts;
using InterviewTools.Engine.Rotation;
using InterviewTools.Engine.Summaries;
using InterviewTools.FakeGemini;
using Microsoft.Extensions.Time.Testing;
using Xunit;
using FakeLimits = InterviewTools.FakeGemini.QuotaLimits;
using FakeTier = InterviewTools.FakeGemini.ProjectTier;

namespace InterviewTools.Engine.Tests.Rotation
{
    /// <summary>
    /// A project's tier is learned from the server's answers with at most one 429: assumed free-tier limits pace an unknown
    /// project, and one request at a time goes past them to find out. Engine and fake server share one injected clock.
    /// </summary>
    public sealed class TierDiscoveryTests : FakeServerTest
    {
        private const string Flash = "gemini-2.5-flash";
        private const string Lite = "gemini-2.5-flash-lite";
        private const string PaidSecret = "AIzaSy-ENGINE-TEST-KEY-PAID";
        private readonly FakeTimeProvider _clock = new FakeTimeProvider(DateTimeOffset.Parse("2026-11-23T18:00:00Z"));
        private readonly RecordingObserver _observer = new RecordingObserver();

        protected override void Configure(FakeGeminiOptions options)
        {
            options.Clock = _clock;
            options.Keys[PaidSecret] = "project-paid";
            options.ProjectTiers["project-paid"] = FakeTier.Paid;
            options.ProjectQuotas["project-paid"] = new FakeLimits(Rpm: 1000, Rpd: 100_000);
            // The free project's real limits are the built-in table's: only the one request past them may meet a 429.
            options.ModelQuotas[Flash] = new FakeLimits(Rpm: 5, Rpd: 20);
            options.ModelQuotas[Lite] = new FakeLimits(Rpm: 10, Rpd: 20);
        }

        [Fact]
        public async Task APaidProjectGoesPastTheAssumedLimitOnceAndIsThenPacedOnlyByTheServer()
        {
            var summarizer = Summarizer(new PooledKey(ApiKey.FromPlainText(PaidSecret), "project-paid", "test"), new RouteLimits());

            var outcomes = await Sequentially(summarizer, 40);

            Assert.All(outcomes, o => Assert.Equal((PostSummaryStatus.Succeeded, Flash), (o.Summary.Status, o.Summary.Model)));
            Assert.DoesNotContain(Server.Requests, r => r.Status == 429);
            var ledger = NewLedger(_clock, new RouteLimits()).Snapshot();
            var record = ledger.Projects["project-paid"];
            Assert.Equal(ProjectTier.Paid, record.Tier);
            Assert.Contains("5/5 requests this minute", record.LearnedFrom);
            var row = QuotaReport.Build(ledger, new[] { new PooledKey(ApiKey.FromPlainText(PaidSecret), "project-paid", "test") }, new[] { Flash }, new RouteLimits(), _clock.GetUtcNow()).Single();
            Assert.Equal((ProjectTier.Paid, (int?)null, LimitSource.Unknown), (row.Tier, row.RequestsPerDayLimit, row.RequestsPerDayLimitSource));
            // Billing follows what was known: nothing is charged while the tier is unknown; the answer past the assumed limit,
            // which shows the project paid, and every one after it are charged their paid price.
            Assert.All(outcomes, o => Assert.True(o.Summary.WouldCost > 0m, "the paid price is always shown"));
            Assert.All(outcomes.Take(5), o => Assert.Equal(0m, o.Summary.Cost));
            Assert.All(outcomes.Skip(5), o => Assert.Equal(o.Summary.WouldCost, o.Summary.Cost));
        }

        [Fact]
        public async Task AFreeProjectPaysOne429ForItsTierAndThenTrustsTheTableForItsOtherModels()
        {
            var summarizer = Summarizer(new PooledKey(ApiKey.FromPlainText(Secret), "project-engine", "test"), new RouteLimits(), Lite);

            var outcomes = await Sequentially(summarizer, 30);

            var rejected = Assert.Single(Server.Requests, r => r.Status == 429);
            Assert.Equal(Flash, rejected.Model);
            Assert.Equal(15, outcomes.Count(o => o.Summary.Status == PostSummaryStatus.Succeeded));
            var record = NewLedger(_clock, new RouteLimits()).Snapshot().Projects["project-engine"];
            Assert.Equal(ProjectTier.Free, record.Tier);
            Assert.Contains("-FreeTier", record.LearnedFrom);
        }

        [Fact]
        public async Task ConcurrentPostsOfAnUnknownProjectSendOneRequestPastTheAssumedLimitAtATime()
        {
            // Waiting behind a probe polls the engine's clock, so this one runs on real time; the server's windows stay put.
            var summarizer = NewSummarizer(new[] { Flash }, _observer, new SummarizerOptions { MaxRetries = 0, RequestTimeout = TimeSpan.FromSeconds(10) },
                new[] { new PooledKey(ApiKey.FromPlainText(Secret), "project-engine", "test") }, NewLedger(TimeProvider.System, new RouteLimits()), TimeProvider.System);

            var outcomes = await Task.WhenAll(Enumerable.Range(0, 12).Select(i => summarizer.SummarizeAsync(Post(i), CancellationToken.None)));

            Assert.Single(Server.Requests, r => r.Status == 429);
            Assert.Equal(5, outcomes.Count(o => o.Summary.Status == PostSummaryStatus.Succeeded));
            Assert.All(outcomes.Where(o => o.Summary.Status != PostSummaryStatus.Succeeded), o => Assert.Equal(PostSummaryStatus.Deferred, o.Summary.Status));
        }

        [Fact]
        public async Task ConfiguredLimitsAreNeverProbedPast()
        {
            var configured = new RouteLimits(new Dictionary<string, Common.QuotaLimits>(StringComparer.OrdinalIgnoreCase)
            {
                [Flash] = new Common.QuotaLimits { RequestsPerMinute = 3, RequestsPerDay = 3 },
            });
            var summarizer = Summarizer(new PooledKey(ApiKey.FromPlainText(PaidSecret), "project-paid", "test"), configured);

            var outcomes = await Sequentially(summarizer, 6);

            Assert.Equal(3, Server.Requests.Count(r => r.Route == RouteKind.Generate));
            Assert.Equal(ProjectTier.Unknown, NewLedger(_clock, configured).Snapshot().TierOf("project-paid"));
        }

        private PostSummarizer Summarizer(PooledKey key, RouteLimits limits, params string[] more) =>
            NewSummarizer(new[] { Flash }.Concat(more).ToList(), _observer, new SummarizerOptions { MaxRetries = 0, RequestTimeout = TimeSpan.FromSeconds(10) },
                new[] { key }, NewLedger(_clock, limits), _clock);

        private static PostDocument Post(int i) => PostReader.ReadText("p" + i, $"第 {i} 篇：什么是 GQA？");

        private async Task<List<SummaryOutcome>> Sequentially(PostSummarizer summarizer, int count)
        {
            var outcomes = new List<SummaryOutcome>();
            for (var i = 0; i < count; i++)
            {
                if (i > 0) _clock.Advance(TimeSpan.FromSeconds(1));
                outcomes.Add(await summarizer.SummarizeAsync(Post(i), CancellationToken.None));
            }
            return outcomes;
        }
    }
}
