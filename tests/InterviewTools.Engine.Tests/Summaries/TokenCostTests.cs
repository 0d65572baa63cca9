using System.Threading;
using System.Threading.Tasks;
using InterviewTools.Engine.Config;
using InterviewTools.Engine.Gemini.Wire;
using InterviewTools.Engine.Posts;
using InterviewTools.Engine.Rotation;
using InterviewTools.Engine.Summaries;
using InterviewTools.FakeGemini;
using Xunit;

namespace InterviewTools.Engine.Tests.Summaries
{
    /// <summary>Each post carries the tokens usageMetadata reported, kind by kind, and what they cost at the model's paid price.</summary>
    public sealed class TokenCostTests : FakeServerTest
    {
        private const string Answer = "{\"summary\": \"问了 GQA 和 RoPE。\", \"questions\": [\"什么是 GQA？\"]}";

        protected override void Configure(FakeGeminiOptions options) => options.CachedPromptTokens = 10;

        [Fact]
        public async Task EveryKindOfTokenIsTheServersCountAndTheWouldCostPricesThemOnAnUnknownTierNothingIsCharged()
        {
            Server.Enqueue(FakeReply.Json(Answer));

            var outcome = await NewSummarizer(new[] { "gemini-3.5-flash" }, new RecordingObserver())
                .SummarizeAsync(PostReader.ReadText("p", "【面经】什么是 GQA？"), CancellationToken.None);

            var s = outcome.Summary;
            var prompt = (int)Server.Usage("project-engine", "gemini-3.5-flash").InputTokensToday;
            Assert.Equal(PostSummaryStatus.Succeeded, s.Status);
            // gemini-3.5-flash thinks at MINIMAL: the fake counts 8 thoughts; it serves 10 prompt tokens from its cache.
            Assert.Equal((prompt, TokenCounter.Count(Answer), 8, 10), (s.InputTokens, s.OutputTokens, s.ThinkingTokens, s.CachedTokens));
            var expected = ((prompt - 10) * 0.50m + 10 * 0.05m + (TokenCounter.Count(Answer) + 8) * 3.00m) / 1_000_000m;
            Assert.Equal(expected, s.WouldCost);
            Assert.Equal(0m, s.Cost);
        }

        [Fact]
        public void OnAPaidTierTheCostIsChargedThinkingAsOutputAndCachedTokensAtTheCacheRate()
        {
            var trace = new PostTrace(PostReader.ReadText("p", "帖子"), System.TimeProvider.System);
            trace.Use(new Route(new PooledKey(Common.ApiKey.FromPlainText(Secret), "paid", "test"), "gemini-2.5-flash"), new RecordingObserver());
            var response = new GenerateContentResponse
            {
                UsageMetadata = new UsageMetadata { PromptTokenCount = 1_000_000, CachedContentTokenCount = 400_000, CandidatesTokenCount = 100_000, ThoughtsTokenCount = 300_000 },
            };

            var s = trace.Answered(response, 8192, ProjectTier.Paid, PriceTable.Default).Summary;

            // 600k input at $0.30, 400k cached at $0.03, 400k output (answer + thinking) at $2.50.
            Assert.Equal(0.18m + 0.012m + 1.00m, s.Cost);
            Assert.Equal(s.Cost, s.WouldCost);
            Assert.Equal((1_000_000, 100_000, 300_000, 400_000), (s.InputTokens, s.OutputTokens, s.ThinkingTokens, s.CachedTokens));
        }

        [Fact]
        public async Task AConfiguredPriceReplacesTheBuiltInOne()
        {
            System.IO.Directory.CreateDirectory(StateFolder);
            var file = System.IO.Path.Combine(StateFolder, "config.yaml");
            System.IO.File.WriteAllText(file, "prices:\n  gemini-2.5-flash: { input: 1, output: 2, cached: 0.5 }\n  gemini-broken: { input: 1 }\n");

            var loaded = ConfigLoader.Load(file, _ => null);
            var price = new PriceTable(loaded.Config.Prices).For("gemini-2.5-flash")!;

            Assert.Equal((1m, 2m, 0.5m), (price.Input, price.Output, price.Cached));
            Assert.Contains("config.yaml", price.Source);
            Assert.Contains(loaded.Problems, p => p.Contains("gemini-broken"));
            Assert.Equal(0.30m, PriceTable.Default.For("gemini-2.5-flash")!.Input);
            await Task.CompletedTask;
        }
    }
}
