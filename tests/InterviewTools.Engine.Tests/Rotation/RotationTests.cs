using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using InterviewTools.Engine.Posts;
using InterviewTools.Engine.Rotation;
using InterviewTools.Engine.Common;
using InterviewTools.Engine.Summaries;
using InterviewTools.FakeGemini;
using Microsoft.Extensions.Time.Testing;
using Xunit;
using EngineLimits = InterviewTools.Engine.Common.QuotaLimits;
using FakeLimits = InterviewTools.FakeGemini.QuotaLimits;

namespace InterviewTools.Engine.Tests.Rotation
{
    /// <summary>The rotation engine against the fake server, both on one injected clock.</summary>
    public sealed class RotationTests : FakeServerTest
    {
        private const string SecondSecret = "AIzaSy-ENGINE-TEST-KEY-0002";
        private const string SameProjectSecret = "AIzaSy-ENGINE-TEST-KEY-0003";
        private const string Flash = "gemini-2.5-flash";
        private const string Lite = "gemini-2.5-flash-lite";

        private readonly FakeTimeProvider _clock = new FakeTimeProvider(DateTimeOffset.Parse("2026-11-23T18:00:00Z"));
        private readonly RecordingObserver _observer = new RecordingObserver();

        protected override void Configure(FakeGeminiOptions options)
        {
            options.Clock = _clock;
            options.Keys[SecondSecret] = "project-two";
            options.Keys[SameProjectSecret] = "project-engine";
            options.ModelQuotas[Flash] = new FakeLimits(Rpm: 2, Rpd: 3);
        }

        [Fact]
        public async Task KnownLimitsAreNeverExceededAndThePostAfterThemIsDeferredToTheMinuteTheWindowFrees()
        {
            var summarizer = Summarizer(new[] { Flash }, Known(rpm: 2, rpd: 3));

            var outcomes = await Sequentially(summarizer, 3);

            Assert.Equal(new[] { PostSummaryStatus.Succeeded, PostSummaryStatus.Succeeded, PostSummaryStatus.Deferred }, outcomes.Select(o => o.Summary.Status));
            Assert.Equal(_clock.GetUtcNow() + TimeSpan.FromSeconds(61), outcomes[2].Summary.RetryAt);
            Assert.Equal(2, Server.GenerateCount);
            Assert.DoesNotContain(Server.Requests, r => r.Status == 429);
        }

        [Fact]
        public async Task WithinMaxWaitTheEngineWaitsForTheWindowInsteadOfDeferring()
        {
            var summarizer = Summarizer(new[] { Flash }, Known(rpm: 2, rpd: 3), maxWait: TimeSpan.FromSeconds(90));

            var outcomes = await DriveClockWhileWaiting(Sequentially(summarizer, 3));

            Assert.All(outcomes, o => Assert.Equal(PostSummaryStatus.Succeeded, o.Summary.Status));
            var wait = Assert.Single(_observer.Waits);
            Assert.Contains("2/2 requests this minute", wait.What);
            Assert.DoesNotContain(Server.Requests, r => r.Status == 429);
            // -Verbose says when and why the wait began (route, limit and its source) and when it ended, and for which post.
            Assert.Single(_observer.VerboseLines, v => v.Contains(": waiting 61 s for quota, until ") && v.Contains(wait.What));
            Assert.Single(_observer.VerboseLines, v => v.Contains(": the wait for quota ended after 61 s; sending to " + Flash));
        }

        [Fact]
        public async Task WhenThePreferredModelIsFullTheNextOneTakesOverAndThePreferredReturnsWithItsQuota()
        {
            var summarizer = Summarizer(new[] { Flash, Lite }, Known(rpm: 2, rpd: 10));

            var first = await Sequentially(summarizer, 3);
            _clock.Advance(TimeSpan.FromSeconds(61));
            var later = await summarizer.SummarizeAsync(Post("later"), CancellationToken.None);

            Assert.Equal(new[] { Flash, Flash, Lite }, first.Select(o => o.Summary.Model));
            Assert.Equal(Flash, later.Summary.Model);
        }

        [Fact]
        public async Task ADailyLimitLearnedFromOne429IsNeverHitAgainAndPersistsForTheNextRun()
        {
            var unknown = new RouteLimits(useBuiltInDefaults: false);

            var firstRun = await Sequentially(Summarizer(new[] { Flash, Lite }, unknown), 4, OneMinute);
            var nextRun = await Sequentially(Summarizer(new[] { Flash, Lite }, unknown), 2, OneMinute);

            Assert.Equal(new[] { Flash, Flash, Flash, Lite }, firstRun.Select(o => o.Summary.Model));
            Assert.Contains(firstRun[3].Summary.Switches, s => s.Contains("ExhaustedToday"));
            Assert.Equal(new[] { Lite, Lite }, nextRun.Select(o => o.Summary.Model));
            Assert.Single(Server.Requests, r => r.Status == 429);
            Assert.Equal(3, NewLedger(_clock).Snapshot().Routes[RouteUsage.KeyOf("project-engine", Flash)].Learned.RequestsPerDay);
        }

        [Fact]
        public async Task ALimitOneProjectLearnedPacesTheOtherProjectsUntilTheirOwnTierIsKnown()
        {
            var keys = new[] { Key(Secret), Key(SecondSecret, "project-two") };

            var outcomes = await Sequentially(Summarizer(new[] { Flash, Lite }, new RouteLimits(useBuiltInDefaults: false), keys), 8, OneMinute);

            Assert.Equal(6, outcomes.Count(o => o.Summary.Model == Flash));
            Assert.Equal(2, outcomes.Count(o => o.Summary.Model == Lite));
            // The other project's figure is an assumption for project-two, so it pays one 429 of its own to learn its tier, and no more.
            Assert.Equal(new[] { "project-engine", "project-two" }, Server.Requests.Where(r => r.Status == 429).Select(r => r.Project).OrderBy(p => p).ToArray());
            var projects = NewLedger().Snapshot().Projects;
            Assert.All(new[] { "project-engine", "project-two" }, p => Assert.Equal(ProjectTier.Free, projects[p].Tier));
        }

        [Fact]
        public async Task AfterMidnightPacificTheExhaustedModelIsUsedAgain()
        {
            Server.Enqueue(FakeReply.PerDayQuota(Flash, 20, TimeSpan.FromSeconds(18)), Flash);
            var summarizer = Summarizer(new[] { Flash }, new RouteLimits(useBuiltInDefaults: false));

            var deferred = await summarizer.SummarizeAsync(Post("a"), CancellationToken.None);
            _clock.Advance(TimeSpan.FromSeconds(19));
            var stillDeferred = await summarizer.SummarizeAsync(Post("b"), CancellationToken.None);
            _clock.SetUtcNow(PacificTime.NextMidnight(_clock.GetUtcNow()) + TimeSpan.FromSeconds(1));
            var afterMidnight = await summarizer.SummarizeAsync(Post("c"), CancellationToken.None);

            Assert.Equal(PostSummaryStatus.Deferred, deferred.Summary.Status);
            Assert.Equal(DateTimeOffset.Parse("2026-11-24T08:00:00Z"), deferred.Summary.RetryAt);
            Assert.Equal(PostSummaryStatus.Deferred, stillDeferred.Summary.Status);
            Assert.Equal(PostSummaryStatus.Succeeded, afterMidnight.Summary.Status);
            Assert.Equal(2, Server.GenerateCount);
        }

        [Fact]
        public async Task ProjectsShareTheirQuotaWhileDifferentProjectsAddTheirs()
        {
            var keys = new[] { Key(Secret), Key(SameProjectSecret, "project-engine"), Key(SecondSecret, "project-two") };
            var summarizer = Summarizer(new[] { Flash }, Known(rpm: 10, rpd: 3), keys);

            var outcomes = await Sequentially(summarizer, 7, OneMinute);

            Assert.Equal(6, outcomes.Count(o => o.Summary.Status == PostSummaryStatus.Succeeded));
            Assert.Equal(PostSummaryStatus.Deferred, outcomes[6].Summary.Status);
            Assert.Equal(3, Server.Usage("project-engine", Flash).RequestsToday);
            Assert.Equal(3, Server.Usage("project-two", Flash).RequestsToday);
            Assert.DoesNotContain(Server.Requests, r => r.Status == 429);
        }

        [Fact]
        public async Task ARetiredModelIsTriedOnceAndNeverAgainInLaterRuns()
        {
            const string listedButGone = "gemini-3.5-flash-lite";
            Server.Enqueue(FakeReply.NotFound(listedButGone), listedButGone);

            var first = await Summarizer(new[] { listedButGone, Flash }, Known(rpm: 10, rpd: 10)).SummarizeAsync(Post("a"), CancellationToken.None);
            var second = await Summarizer(new[] { listedButGone, Flash }, Known(rpm: 10, rpd: 10)).SummarizeAsync(Post("b"), CancellationToken.None);

            Assert.Equal((PostSummaryStatus.Succeeded, Flash), (first.Summary.Status, first.Summary.Model));
            Assert.Equal(Flash, second.Summary.Model);
            Assert.Single(Server.Requests, r => r.Model == listedButGone && r.Route == RouteKind.Generate);
            Assert.Contains(_observer.Warnings, w => w.Contains(listedButGone + " is retired"));
            Assert.Contains(_observer.Warnings, w => w.Contains(listedButGone + " is skipped"));
        }

        [Fact]
        public async Task AModelTheApiDoesNotListIsNeverSent()
        {
            var outcome = await Summarizer(new[] { "gemini-1.5-flash", Flash }, Known(rpm: 10, rpd: 10)).SummarizeAsync(Post("a"), CancellationToken.None);

            Assert.Equal(Flash, outcome.Summary.Model);
            Assert.DoesNotContain(Server.Requests, r => r.Model == "gemini-1.5-flash");
            Assert.Contains(_observer.Warnings, w => w.Contains("gemini-1.5-flash is dropped"));
        }

        [Fact]
        public async Task AnInvalidKeyIsSetAsideWithItsReasonAndTheNextKeyCarriesThePost()
        {
            var keys = new[] { Key("AIzaSy-NOT-KNOWN-TO-THE-FAKE"), Key(Secret) };

            var first = await Summarizer(new[] { Flash }, Known(rpm: 10, rpd: 10), keys).SummarizeAsync(Post("a"), CancellationToken.None);
            var second = await Summarizer(new[] { Flash }, Known(rpm: 10, rpd: 10), keys).SummarizeAsync(Post("b"), CancellationToken.None);

            Assert.Equal(PostSummaryStatus.Succeeded, first.Summary.Status);
            Assert.Equal(ApiKey.FingerprintOf(Secret), first.Summary.KeyId);
            Assert.Equal(ApiKey.FingerprintOf(Secret), second.Summary.KeyId);
            var disabled = NewLedger(_clock).Snapshot().Keys[ApiKey.FingerprintOf("AIzaSy-NOT-KNOWN-TO-THE-FAKE")].Disabled;
            Assert.Contains("API key not valid", disabled!.Reason);
            Assert.Contains(_observer.Warnings, w => w.Contains(ApiKey.FingerprintOf("AIzaSy-NOT-KNOWN-TO-THE-FAKE")) && w.Contains("set aside"));
            Assert.Single(Server.Requests, r => r.ApiKeyHeader == "AIzaSy-NOT-KNOWN-TO-THE-FAKE");
        }

        [Fact]
        public async Task A503BurstIsRetriedThenTheModelIsSwitched()
        {
            foreach (var _ in Enumerable.Range(0, 3)) Server.Enqueue(FakeReply.Overloaded(), Flash);
            var summarizer = NewSummarizer(new[] { Flash, Lite }, _observer,
                new SummarizerOptions { MaxRetries = 2, RetryBaseDelay = TimeSpan.FromMilliseconds(5), RequestTimeout = TimeSpan.FromSeconds(10) });

            var outcome = await summarizer.SummarizeAsync(Post("a"), CancellationToken.None);

            Assert.Equal((PostSummaryStatus.Succeeded, Lite, 4), (outcome.Summary.Status, outcome.Summary.Model, outcome.Summary.Attempts));
            Assert.Contains(outcome.Summary.Switches, s => s.Contains("Transient") && s.Contains("503"));
            Assert.Equal(3, Server.Requests.Count(r => r.Model == Flash && r.Status == 503));
        }

        [Fact]
        public async Task ACorruptLedgerIsSetAsideWithAWarningAndRebuilt()
        {
            var warnings = new List<string>();
            var ledger = NewLedger(_clock, Known(rpm: 10, rpd: 10), warnings);
            Directory.CreateDirectory(StateFolder);
            File.WriteAllText(ledger.Path, "{ \"Routes\": { \"x\": [ 1, 2");

            var outcome = await NewSummarizer(new[] { Flash }, _observer, ledger: ledger, time: _clock).SummarizeAsync(Post("a"), CancellationToken.None);

            Assert.Equal(PostSummaryStatus.Succeeded, outcome.Summary.Status);
            Assert.Contains(warnings, w => w.Contains("rebuilt"));
            Assert.Single(Directory.GetFiles(StateFolder, "*.corrupt-*"));
            Assert.Equal(1, NewLedger(_clock).Snapshot().Routes[RouteUsage.KeyOf(ApiKey.FingerprintOf(Secret), Flash)].DayRequests);
        }

        [Fact]
        public async Task TheLedgerNeverHoldsTheKeyItself()
        {
            await Sequentially(Summarizer(new[] { Flash }, Known(rpm: 10, rpd: 10), new[] { Key(Secret), Key(SecondSecret, "project-two") }), 3);

            var text = File.ReadAllText(NewLedger(_clock).Path);
            Assert.DoesNotContain(Secret, text);
            Assert.DoesNotContain(SecondSecret, text);
            Assert.Contains(ApiKey.FingerprintOf(Secret), text);
        }

        private PostSummarizer Summarizer(IReadOnlyList<string> models, RouteLimits limits, IReadOnlyList<PooledKey>? keys = null, TimeSpan? maxWait = null) =>
            NewSummarizer(models, _observer, Options(), keys ?? new[] { Key(Secret) }, NewLedger(_clock, limits), _clock, maxWait);

        private static SummarizerOptions Options() => new SummarizerOptions { MaxRetries = 0, RequestTimeout = TimeSpan.FromSeconds(10) };

        private static RouteLimits Known(int rpm, int rpd) => new RouteLimits(
            new Dictionary<string, EngineLimits> { [Flash] = new EngineLimits { RequestsPerMinute = rpm, RequestsPerDay = rpd } }, useBuiltInDefaults: false);

        private static PooledKey Key(string secret, string? project = null) => new PooledKey(ApiKey.FromPlainText(secret), project ?? (secret == Secret ? "project-engine" : null), "test");

        private static PostDocument Post(string name) => PostReader.ReadText(name, name + " 面经：什么是 GQA？");

        private static readonly TimeSpan OneMinute = TimeSpan.FromSeconds(61);

        private async Task<List<SummaryOutcome>> Sequentially(PostSummarizer summarizer, int count, TimeSpan? spacing = null)
        {
            var outcomes = new List<SummaryOutcome>();
            for (var i = 0; i < count; i++)
            {
                if (i > 0 && spacing != null) _clock.Advance(spacing.Value);
                outcomes.Add(await summarizer.SummarizeAsync(Post("p" + i), CancellationToken.None));
            }
            return outcomes;
        }

        /// <summary>Moves the shared clock on whenever the engine waits, until the work is done.</summary>
        private async Task<T> DriveClockWhileWaiting<T>(Task<T> work)
        {
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
            while (!work.IsCompleted && DateTime.UtcNow < deadline)
            {
                await Task.Delay(20);
                var waits = _observer.Waits;
                if (waits.Count > 0 && waits[^1].Until > _clock.GetUtcNow()) _clock.Advance(waits[^1].Until - _clock.GetUtcNow() + TimeSpan.FromMilliseconds(100));
                else if (waits.Count > 0) _clock.Advance(TimeSpan.FromMilliseconds(100));
            }
            return await work;
        }
    }
}
