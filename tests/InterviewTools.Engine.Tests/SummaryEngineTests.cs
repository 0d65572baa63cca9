using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using InterviewTools.Engine.Rotation;
using Xunit;

namespace InterviewTools.Engine.Tests
{
    /// <summary>The front door: what opening decides, and what planning and summarising a post return, without the network.</summary>
    public sealed class SummaryEngineTests : IDisposable
    {
        private readonly string _state = Path.Combine(Path.GetTempPath(), "it-front-" + Guid.NewGuid().ToString("N"));
        private readonly Dictionary<string, string> _environment = new Dictionary<string, string>(StringComparer.Ordinal);
        private readonly RecordingObserver _log = new RecordingObserver();

        public SummaryEngineTests()
        {
            _environment["INTERVIEWTOOLS_STATE_DIR"] = _state;
        }

        public void Dispose()
        {
            if (Directory.Exists(_state)) Directory.Delete(_state, recursive: true);
        }

        [Fact]
        public void WithoutAKeyTheEngineSummarisesOfflineAndSaysWhy()
        {
            var engine = Open(new EngineSettings());

            Assert.Equal(PostSummaryProvider.Offline, engine.Provider);
            Assert.Contains(_log.Warnings, w => w.Contains("No Gemini API key is configured"));
        }

        [Fact]
        public void AskingForGeminiWithoutAKeyIsASetupError()
        {
            var error = Assert.Throws<EngineSetupException>(() => Open(new EngineSettings { Provider = PostSummaryProvider.Gemini }));

            Assert.Equal(SetupProblem.NoApiKey, error.Problem);
        }

        [Fact]
        public void TheThrottleLimitComesFromTheParameterThenTheConfigThenTheDefault()
        {
            _environment["GEMINI_API_KEY"] = "AIzaSy-FRONT-DOOR-TEST-KEY";
            Directory.CreateDirectory(_state);
            File.WriteAllText(Path.Combine(_state, "config.yaml"), "throttleLimit: 5\n");

            Assert.Equal(7, Open(new EngineSettings { ThrottleLimit = 7 }).ThrottleLimit);
            Assert.Equal(5, Open(new EngineSettings()).ThrottleLimit);
            File.Delete(Path.Combine(_state, "config.yaml"));
            Assert.Equal(EngineSettings.DefaultThrottleLimit, Open(new EngineSettings()).ThrottleLimit);
        }

        [Fact]
        public async Task ASummarisedPostIsPlannedAsCachedNextTimeUnlessForced()
        {
            var engine = Open(new EngineSettings { Provider = PostSummaryProvider.Offline });
            var post = engine.ReadText("text:1", "【面经】字节大模型一面\n1. 什么是 GQA？\n2. RoPE 怎么外推？");

            var first = await engine.SummarizeAsync(post, CancellationToken.None);
            var again = engine.Plan(post);
            var forced = Open(new EngineSettings { Provider = PostSummaryProvider.Offline, Force = true }).Plan(post);

            Assert.Equal(PostSummaryStatus.Succeeded, first.Summary.Status);
            Assert.Equal((PostSummaryStatus.Succeeded, true), (again.Cached!.Status, again.Cached.FromCache));
            Assert.Equal(first.Summary.CompletedAt, again.Cached.CompletedAt);
            Assert.False(again.NeedsWork);
            Assert.Null(forced.Cached);
            Assert.True(forced.NeedsWork);
        }

        [Fact]
        public void APostTooLongForEveryModelIsPlannedAsUnsendable()
        {
            _environment["GEMINI_API_KEY"] = "AIzaSy-FRONT-DOOR-TEST-KEY";
            var engine = Open(new EngineSettings());

            var plan = engine.Plan(engine.ReadText("text:1", new string('字', 1_100_000)));

            Assert.NotNull(plan.Unsendable);
            Assert.False(plan.NeedsWork);
            Assert.Contains("1,048,576", plan.Unsendable!.Message);
        }

        [Fact]
        public void APostOverEveryRoutesConfiguredTokensPerMinuteIsPlannedAsUnsendableWithItsEstimateAndTheLimit()
        {
            _environment["GEMINI_API_KEY"] = "AIzaSy-FRONT-DOOR-TEST-KEY";
            Directory.CreateDirectory(_state);
            File.WriteAllText(Path.Combine(_state, "config.yaml"), "models: [gemini-3.5-flash]\nlimits:\n  gemini-3.5-flash: { tpm: 1000 }\n");
            var engine = Open(new EngineSettings());
            var post = engine.ReadText("text:1", new string('字', 3_000));

            var plan = engine.Plan(post);
            var batch = engine.PlanBatch(new[] { post, engine.ReadText("text:2", "短帖子") });

            Assert.False(plan.NeedsWork);
            Assert.Contains("(1,000, configured)", plan.Unsendable!.Message);
            Assert.Contains("Refuse", plan.Action);
            Assert.Contains($"{plan.EstimatedInputTokens:N0} input tokens", plan.Action);
            Assert.Equal(new[] { true, false }, batch.Posts.Select(p => p.Unsendable).ToArray());
        }

        [Fact]
        public async Task ABatchPlanTellsCachedPostsFromNewOnesAndEachRoutesAllowanceAndItsSource()
        {
            var offline = Open(new EngineSettings { Provider = PostSummaryProvider.Offline });
            var done = offline.ReadText("text:1", "已经总结过的帖子：问了 GQA。");
            await offline.SummarizeAsync(done, CancellationToken.None);
            _environment["GEMINI_API_KEYS"] = "alpha=AIzaSy-FRONT-DOOR-KEY-A,beta=AIzaSy-FRONT-DOOR-KEY-B";
            Directory.CreateDirectory(_state);
            File.WriteAllText(Path.Combine(_state, "config.yaml"), "models: [gemini-3.5-flash, gemini-experimental]\nlimits:\n  gemini-experimental: { rpd: 7 }\n");
            var engine = Open(new EngineSettings { Provider = PostSummaryProvider.Offline });
            var gemini = Open(new EngineSettings());

            var offlinePlan = engine.PlanBatch(new[] { done, engine.ReadText("text:2", "新帖子：问了 RoPE。") });
            var plan = gemini.PlanBatch(new[] { gemini.ReadText("text:2", "新帖子：问了 RoPE。") });

            Assert.Equal((1, 1), (offlinePlan.Cached, offlinePlan.ToSend));
            Assert.Empty(offlinePlan.Routes);
            Assert.Equal(1, plan.ToSend);
            Assert.True(plan.EstimatedInputTokens > 0);
            Assert.Equal(new[] { "alpha gemini-3.5-flash", "beta gemini-3.5-flash", "alpha gemini-experimental", "beta gemini-experimental" }, plan.Routes.Select(r => $"{r.Project} {r.Model}"));
            Assert.All(plan.Routes.Take(2), r => Assert.Equal((20, LimitSource.Assumed), (r.RequestsLeftToday!.Value, r.Source)));
            Assert.All(plan.Routes.Skip(2), r => Assert.Equal((7, LimitSource.Configured), (r.RequestsLeftToday!.Value, r.Source)));
            Assert.Equal(54, plan.RequestsLeftToday);
            Assert.True(plan.FitsToday);
        }

        private SummaryEngine Open(EngineSettings settings) =>
            SummaryEngine.Open(settings, name => _environment.TryGetValue(name, out var value) ? value : null, TimeProvider.System, _log);
    }
}
