using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using InterviewTools.Engine.Gemini;
using InterviewTools.Engine.Posts;
using InterviewTools.FakeGemini;
using Xunit;

namespace InterviewTools.Engine.Tests
{
    /// <summary>Measure-PostSummary's promise: a run on the same ledger sends what the plan said, to the models it said, and defers the rest.</summary>
    public sealed class PlanOutcomeTests : FakeServerTest
    {
        private const string Flash = "gemini-3.5-flash";
        private const string Lite = "gemini-3.1-flash-lite";

        protected override void Configure(FakeGeminiOptions options)
        {
            options.ModelQuotas[Flash] = new QuotaLimits(Rpm: 1000, Rpd: 46);
            options.ModelQuotas[Lite] = new QuotaLimits(Rpm: 1000, Rpd: 24);
        }

        [Fact]
        public async Task APlanWhoseQuotaCoversSixtyPercentOfTheBatchIsWhatTheRunDoes()
        {
            Directory.CreateDirectory(StateFolder);
            File.WriteAllText(Path.Combine(StateFolder, "config.yaml"),
                $"models: [{Flash}, {Lite}]\nlimits:\n  {Flash}: {{ rpm: 1000, rpd: 46 }}\n  {Lite}: {{ rpm: 1000, rpd: 24 }}\n");
            // Ten posts summarised earlier: the cache answers them, and they spent ten of the flash model's 46 requests today.
            var earlier = Posts(0, 10);
            var first = Open();
            foreach (var post in earlier(first)) Assert.Equal(PostSummaryStatus.Succeeded, (await first.SummarizeAsync(post, CancellationToken.None)).Summary.Status);

            var planner = Open();
            var batch = earlier(planner).Concat(Posts(10, 110)(planner)).ToList();
            var generatesBefore = Server.GenerateCount;
            var plan = (await planner.MeasureAsync(batch, unreadable: 0, CancellationToken.None)).Plan;
            Assert.Equal(generatesBefore, Server.GenerateCount);

            var runner = Open();
            var outcomes = new List<PostSummary>();
            foreach (var chunk in Posts(0, 110)(runner).Select((post, i) => (post, i)).GroupBy(x => x.i / runner.ThrottleLimit))
            {
                outcomes.AddRange((await Task.WhenAll(chunk.Select(x => runner.SummarizeAsync(x.post, CancellationToken.None)))).Select(o => o.Summary));
            }

            var sent = outcomes.Where(s => !s.FromCache).ToList();
            var byModel = sent.Where(s => s.Status == PostSummaryStatus.Succeeded).GroupBy(s => s.Model).ToDictionary(g => g.Key, g => g.Count());
            Assert.Equal((110, 10, 100), (plan.Posts, plan.Cached, plan.ToSend));
            Assert.Equal(sent.Count, plan.ToSend);
            Assert.Equal(new[] { (Flash, 36), (Lite, 24) }, plan.Models.Select(m => (m.Model, m.Posts)).ToArray());
            Assert.Equal(plan.Models.Select(m => (m.Model, m.Posts)).ToArray(), new[] { Flash, Lite }.Select(m => (m, byModel.TryGetValue(m, out var n) ? n : 0)).ToArray());
            Assert.Equal(40, plan.Deferred);
            Assert.Equal(plan.Deferred, sent.Count(s => s.Status == PostSummaryStatus.Deferred));
            Assert.Equal(sent.Where(s => s.Status == PostSummaryStatus.Deferred).Min(s => s.RetryAt)!.Value.LocalDateTime, plan.DeferredUntil);
            Assert.False(plan.FitsToday);
            Assert.Equal(0, Server.StatusCount(429));
        }

        private static Func<SummaryEngine, IEnumerable<PostDocument>> Posts(int from, int to) =>
            engine => Enumerable.Range(from, to - from).Select(i => engine.ReadText($"text:{i}", $"第 {i} 篇面经：问了 GQA 和 RoPE，第 {i} 轮。")).ToList();

        private SummaryEngine Open()
        {
            var environment = new Dictionary<string, string>
            {
                ["INTERVIEWTOOLS_STATE_DIR"] = StateFolder,
                ["GEMINI_API_KEY"] = Secret,
                [GeminiEndpoint.BaseUrlVariable] = Server.BaseUrl + "/",
            };
            return SummaryEngine.Open(new EngineSettings(), name => environment.TryGetValue(name, out var value) ? value : null, TimeProvider.System, new RecordingObserver());
        }
    }
}
