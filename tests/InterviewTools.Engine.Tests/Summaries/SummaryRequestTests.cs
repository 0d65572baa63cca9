using System.Text.Json;
using InterviewTools.Engine.Posts;
using InterviewTools.Engine.Summaries;
using Xunit;

namespace InterviewTools.Engine.Tests.Summaries
{
    public sealed class SummaryRequestTests
    {
        [Theory]
        [InlineData("gemini-2.5-flash", 0, null)]
        [InlineData("models/gemini-2.5-flash-lite", 0, null)]
        [InlineData("gemini-2.5-pro", 128, null)]
        [InlineData("gemini-3.5-flash", null, "MINIMAL")]
        [InlineData("gemini-3.1-pro-preview", null, "LOW")]
        public void ThinkingIsTheLeastEachFamilyAccepts(string model, int? budget, string? level)
        {
            var thinking = ThinkingPolicy.Minimal(model);
            Assert.Equal(budget, thinking!.ThinkingBudget);
            Assert.Equal(level, thinking.ThinkingLevel);
        }

        [Fact]
        public void UnknownFamiliesGetNoThinkingConfig() => Assert.Null(ThinkingPolicy.Minimal("gemma-3-27b-it"));

        [Fact]
        public void RequestCarriesPromptAsInstructionAndPostAsContent()
        {
            var post = PostReader.ReadText("t", "【面经】什么是 RoPE？");
            var options = new SummarizerOptions { Prompt = "总结一下" };
            var json = JsonSerializer.Serialize(SummaryRequestBuilder.Build(post, options, "gemini-2.5-flash"), new JsonSerializerOptions { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull });
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;

            Assert.StartsWith("总结一下", root.GetProperty("systemInstruction").GetProperty("parts")[0].GetProperty("text").GetString());
            Assert.Equal("【面经】什么是 RoPE？", root.GetProperty("contents")[0].GetProperty("parts")[0].GetProperty("text").GetString());
            var config = root.GetProperty("generationConfig");
            Assert.Equal("application/json", config.GetProperty("responseMimeType").GetString());
            Assert.Equal("OBJECT", config.GetProperty("responseSchema").GetProperty("type").GetString());
            Assert.Equal(SummarizerOptions.DefaultMaxOutputTokens, config.GetProperty("maxOutputTokens").GetInt32());
            Assert.Equal(0, config.GetProperty("thinkingConfig").GetProperty("thinkingBudget").GetInt32());
            Assert.False(root.TryGetProperty("model", out _));
        }

        [Fact]
        public void TokenUpperBoundNeverUnderestimatesTheRoughFigure()
        {
            const string text = "微调 LoRA and RoPE 面试题";
            Assert.True(TokenEstimate.UpperBound(text) >= TokenEstimate.Rough(text));
            Assert.Equal(2 * 5 + 15, TokenEstimate.UpperBound(text));
        }
    }
}
