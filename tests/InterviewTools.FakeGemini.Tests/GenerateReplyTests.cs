using System;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;

namespace InterviewTools.FakeGemini.Tests;

public sealed class GenerateReplyTests
{
    [Fact]
    public async Task UsageIsConsistentAndZeroFieldsAreOmitted()
    {
        await using var server = await FakeGeminiServer.StartAsync();
        const string body = """{"contents":[{"parts":[{"text":"four words right here"}]}],"generationConfig":{"thinkingConfig":{"thinkingBudget":0}}}""";

        using var response = await Gemini.GenerateAsync(server, body);
        var json = await Gemini.JsonAsync(response);

        var usage = json.GetProperty("usageMetadata");
        Assert.Equal(6, usage.GetProperty("promptTokenCount").GetInt32());
        Assert.Equal(6, usage.GetProperty("candidatesTokenCount").GetInt32());
        Assert.Equal(12, usage.GetProperty("totalTokenCount").GetInt32());
        Assert.False(usage.TryGetProperty("thoughtsTokenCount", out _));
        Assert.False(usage.TryGetProperty("cachedContentTokenCount", out _));
        var candidate = json.GetProperty("candidates")[0];
        Assert.Equal(0, candidate.GetProperty("index").GetInt32());
        Assert.Equal("model", candidate.GetProperty("content").GetProperty("role").GetString());
        Assert.Equal("gemini-2.5-flash", json.GetProperty("modelVersion").GetString());
        Assert.InRange(json.GetProperty("responseId").GetString()!.Length, 20, 24);
    }

    [Theory]
    [InlineData(4, 4)]
    [InlineData(100, 6)]
    public async Task ConfiguredCachedPromptTokensAreReportedAsPartOfThePrompt(int configured, int expected)
    {
        await using var server = await FakeGeminiServer.StartAsync(new FakeGeminiOptions { CachedPromptTokens = configured });
        const string body = """{"contents":[{"parts":[{"text":"four words right here"}]}],"generationConfig":{"thinkingConfig":{"thinkingBudget":0}}}""";

        using var response = await Gemini.GenerateAsync(server, body);
        var usage = (await Gemini.JsonAsync(response)).GetProperty("usageMetadata");

        Assert.Equal(6, usage.GetProperty("promptTokenCount").GetInt32());
        Assert.Equal(expected, usage.GetProperty("cachedContentTokenCount").GetInt32());
        Assert.Equal(12, usage.GetProperty("totalTokenCount").GetInt32());
    }

    [Fact]
    public async Task ThoughtsCountAgainstMaxOutputTokensAndTruncateTheAnswer()
    {
        await using var server = await FakeGeminiServer.StartAsync();
        server.Enqueue(FakeReply.Answer("one two three four five six seven eight nine ten"));
        const string body = """{"contents":[{"parts":[{"text":"hi"}]}],"generationConfig":{"maxOutputTokens":53,"thinkingConfig":{"thinkingBudget":50,"includeThoughts":true}}}""";

        using var response = await Gemini.GenerateAsync(server, body);
        var json = await Gemini.JsonAsync(response);

        var candidate = json.GetProperty("candidates")[0];
        Assert.Equal("MAX_TOKENS", candidate.GetProperty("finishReason").GetString());
        var parts = candidate.GetProperty("content").GetProperty("parts");
        Assert.True(parts[0].GetProperty("thought").GetBoolean());
        Assert.Equal("one two three four", parts[1].GetProperty("text").GetString());
        var usage = json.GetProperty("usageMetadata");
        Assert.Equal(48, usage.GetProperty("thoughtsTokenCount").GetInt32());
        Assert.Equal(5, usage.GetProperty("candidatesTokenCount").GetInt32());
    }

    [Fact]
    public async Task ScriptedRepliesAreFifoAndCanTargetOneModel()
    {
        await using var server = await FakeGeminiServer.StartAsync();
        server.Enqueue(FakeReply.Json("\"lite\""), model: "gemini-2.5-flash-lite");
        server.Enqueue(FakeReply.Json("\"first\""));
        server.Enqueue(FakeReply.Json("\"second\""));

        Assert.Equal("\"first\"", await AnswerAsync(server, "gemini-2.5-flash"));
        Assert.Equal("\"lite\"", await AnswerAsync(server, "gemini-2.5-flash-lite"));
        Assert.Equal("\"second\"", await AnswerAsync(server, "gemini-2.5-flash"));
        Assert.Equal("hi", await AnswerAsync(server, "gemini-2.5-flash"));
        Assert.Equal(4, server.GenerateCount);
    }

    [Fact]
    public async Task BlockedPromptHasFeedbackAndNoCandidates()
    {
        await using var server = await FakeGeminiServer.StartAsync();
        server.Enqueue(FakeReply.BlockedPrompt("PROHIBITED_CONTENT"));

        using var response = await Gemini.GenerateAsync(server, Gemini.TextRequest("hi"));
        var json = await Gemini.JsonAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("PROHIBITED_CONTENT", json.GetProperty("promptFeedback").GetProperty("blockReason").GetString());
        Assert.False(json.TryGetProperty("candidates", out _));
    }

    [Theory]
    [InlineData("SAFETY")]
    [InlineData("RECITATION")]
    public async Task BlockedOutputHasFinishReasonAndNoParts(string reason)
    {
        await using var server = await FakeGeminiServer.StartAsync();
        server.Enqueue(FakeReply.Finish(reason));

        using var response = await Gemini.GenerateAsync(server, Gemini.TextRequest("hi"));
        var candidate = (await Gemini.JsonAsync(response)).GetProperty("candidates")[0];

        Assert.Equal(reason, candidate.GetProperty("finishReason").GetString());
        Assert.False(candidate.TryGetProperty("content", out var content) && content.TryGetProperty("parts", out _));
    }

    [Fact]
    public async Task EmptyPartsIsStopWithContentButNoParts()
    {
        await using var server = await FakeGeminiServer.StartAsync();
        server.Enqueue(FakeReply.EmptyParts());

        using var response = await Gemini.GenerateAsync(server, Gemini.TextRequest("hi"));
        var candidate = (await Gemini.JsonAsync(response)).GetProperty("candidates")[0];

        Assert.Equal("STOP", candidate.GetProperty("finishReason").GetString());
        Assert.False(candidate.GetProperty("content").TryGetProperty("parts", out _));
    }

    [Fact]
    public async Task RawBodyIsSentVerbatim()
    {
        await using var server = await FakeGeminiServer.StartAsync();
        server.Enqueue(FakeReply.RawBody(502, "text/html", "<html>Bad Gateway</html>"));

        using var response = await Gemini.GenerateAsync(server, Gemini.TextRequest("hi"));

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Equal("<html>Bad Gateway</html>", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task DropConnectionGivesNoResponse()
    {
        await using var server = await FakeGeminiServer.StartAsync();
        server.Enqueue(FakeReply.DropConnection());

        await Assert.ThrowsAsync<HttpRequestException>(() => Gemini.GenerateAsync(server, Gemini.TextRequest("hi")));
        Assert.Equal(1, server.StatusCount(0));
        Assert.Equal(0, server.AbortedRequests);
    }

    [Fact]
    public async Task SlowReplyWaitsThenAnswers()
    {
        await using var server = await FakeGeminiServer.StartAsync();
        server.Enqueue(FakeReply.Slow(TimeSpan.FromMilliseconds(200), FakeReply.Overloaded()));
        var started = DateTime.UtcNow;

        using var response = await Gemini.GenerateAsync(server, Gemini.TextRequest("hi"));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.True(DateTime.UtcNow - started >= TimeSpan.FromMilliseconds(190));
    }

    [Fact]
    public async Task LatencyDelaysEveryGenerate()
    {
        await using var server = await FakeGeminiServer.StartAsync(new FakeGeminiOptions { Latency = TimeSpan.FromMilliseconds(150) });
        var started = DateTime.UtcNow;

        using var response = await Gemini.GenerateAsync(server, Gemini.TextRequest("hi"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(DateTime.UtcNow - started >= TimeSpan.FromMilliseconds(140));
    }

    [Fact]
    public async Task CountTokensAcceptsBothBodyForms()
    {
        await using var server = await FakeGeminiServer.StartAsync();
        const string bare = """{"contents":[{"parts":[{"text":"The quick brown fox"}]}]}""";
        const string wrapped = """{"generateContentRequest":{"model":"models/gemini-2.5-flash","contents":[{"parts":[{"text":"The quick brown fox"}]}],"systemInstruction":{"parts":[{"text":"Be terse"}]}}}""";

        using var bareResponse = await Gemini.PostAsync(server, "/v1beta/models/gemini-2.5-flash:countTokens", bare);
        using var wrappedResponse = await Gemini.PostAsync(server, "/v1beta/models/gemini-2.5-flash:countTokens", wrapped);

        var bareJson = await Gemini.JsonAsync(bareResponse);
        Assert.Equal(6, bareJson.GetProperty("totalTokens").GetInt32());
        Assert.Equal(6, bareJson.GetProperty("promptTokensDetails")[0].GetProperty("tokenCount").GetInt32());
        Assert.Equal(9, (await Gemini.JsonAsync(wrappedResponse)).GetProperty("totalTokens").GetInt32());
        Assert.Equal(2, server.CountFor(RouteKind.CountTokens));
        Assert.Equal(0, server.GenerateCount);
    }

    private static async Task<string> AnswerAsync(FakeGeminiServer server, string model)
    {
        using var response = await Gemini.GenerateAsync(server, Gemini.TextRequest("hi"), model);
        return await Gemini.AnswerTextAsync(response);
    }
}
