using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;

namespace InterviewTools.FakeGemini.Tests;

public sealed class StreamingTests
{
    private const string SsePath = "/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse";
    private const string Post = "Hello there, this is a fairly long post that the fake should split into several chunks.";

    [Fact]
    public async Task SseEventsAreCrlfFramedDataLinesWithoutDone()
    {
        await using var server = await FakeGeminiServer.StartAsync();

        using var response = await Gemini.PostAsync(server, SsePath, Gemini.TextRequest(Post));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.EndsWith("}\r\n\r\n", body, StringComparison.Ordinal);
        Assert.DoesNotContain("[DONE]", body, StringComparison.Ordinal);
        var events = body.Split("\r\n\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.InRange(events.Length, 2, 4);
        Assert.All(events, e =>
        {
            Assert.StartsWith("data: {", e, StringComparison.Ordinal);
            Assert.DoesNotContain('\n', e);
            Assert.DoesNotContain('\r', e);
        });
    }

    [Fact]
    public async Task ChunksCarryDeltasCumulativeUsageAndFinishReasonOnlyLast()
    {
        await using var server = await FakeGeminiServer.StartAsync();
        using var unary = await Gemini.GenerateAsync(server, Gemini.TextRequest(Post));
        var expectedText = await Gemini.AnswerTextAsync(unary);

        var chunks = await StreamAsync(server, Gemini.TextRequest(Post));

        var text = string.Concat(chunks.Select(c => c.GetProperty("candidates")[0])
            .Where(c => c.TryGetProperty("content", out var content) && content.TryGetProperty("parts", out _))
            .SelectMany(c => c.GetProperty("content").GetProperty("parts").EnumerateArray())
            .Select(p => p.GetProperty("text").GetString()));
        Assert.Equal(expectedText, text);
        Assert.Equal(1, chunks.Count(c => c.GetProperty("candidates")[0].TryGetProperty("finishReason", out _)));
        Assert.Equal("STOP", chunks[^1].GetProperty("candidates")[0].GetProperty("finishReason").GetString());
        Assert.Single(chunks.Select(c => c.GetProperty("responseId").GetString()).Distinct());
        Assert.All(chunks, c => Assert.Equal("gemini-2.5-flash", c.GetProperty("modelVersion").GetString()));
        var candidateCounts = chunks.Select(c => c.GetProperty("usageMetadata").GetProperty("candidatesTokenCount").GetInt32()).ToList();
        Assert.Equal(candidateCounts.OrderBy(n => n), candidateCounts);
        var last = chunks[^1].GetProperty("usageMetadata");
        Assert.Equal(
            last.GetProperty("promptTokenCount").GetInt32() + last.GetProperty("candidatesTokenCount").GetInt32() + last.GetProperty("thoughtsTokenCount").GetInt32(),
            last.GetProperty("totalTokenCount").GetInt32());
    }

    [Fact]
    public async Task ErrorAfterTheFirstEventArrivesAsDataErrorThenClose()
    {
        await using var server = await FakeGeminiServer.StartAsync();
        server.Enqueue(FakeReply.ErrorMidStream(FakeReply.InternalError(), text: "a partial answer that is long enough"));

        using var response = await Gemini.PostAsync(server, SsePath, Gemini.TextRequest(Post));
        var events = (await response.Content.ReadAsStringAsync()).Split("\r\n\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, events.Length);
        using var error = JsonDocument.Parse(events[1]["data: ".Length..]);
        Assert.Equal(500, error.RootElement.GetProperty("error").GetProperty("code").GetInt32());
    }

    [Fact]
    public async Task DroppedStreamFailsTheReadAfterTheFirstEvent()
    {
        await using var server = await FakeGeminiServer.StartAsync();
        server.Enqueue(FakeReply.DropMidStream());

        using var response = await Gemini.PostAsync(server, SsePath, Gemini.TextRequest(Post));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await Assert.ThrowsAnyAsync<Exception>(() => response.Content.ReadAsStringAsync());
        Assert.Equal(0, server.AbortedRequests);
    }

    [Fact]
    public async Task WithoutAltSseTheStreamIsOneJsonArray()
    {
        await using var server = await FakeGeminiServer.StartAsync();

        using var response = await Gemini.PostAsync(server, "/v1beta/models/gemini-2.5-flash:streamGenerateContent", Gemini.TextRequest(Post));
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(JsonValueKind.Array, document.RootElement.ValueKind);
        Assert.True(document.RootElement.GetArrayLength() >= 2);
    }

    [Fact]
    public async Task TinyOutputLimitOnThinkingModelEndsMaxTokensWithoutParts()
    {
        await using var server = await FakeGeminiServer.StartAsync();
        const string body = """{"contents":[{"parts":[{"text":"Explain everything in detail please"}]}],"generationConfig":{"maxOutputTokens":20}}""";

        var chunks = await StreamAsync(server, body);

        var last = chunks[^1];
        Assert.Equal("MAX_TOKENS", last.GetProperty("candidates")[0].GetProperty("finishReason").GetString());
        Assert.False(last.GetProperty("candidates")[0].GetProperty("content").TryGetProperty("parts", out _));
        Assert.Equal(20, last.GetProperty("usageMetadata").GetProperty("thoughtsTokenCount").GetInt32());
        Assert.False(last.GetProperty("usageMetadata").TryGetProperty("candidatesTokenCount", out _));
    }

    private static async Task<List<JsonElement>> StreamAsync(FakeGeminiServer server, string body)
    {
        using var response = await Gemini.PostAsync(server, SsePath, body);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var raw = await response.Content.ReadAsStringAsync();
        return raw.Split("\r\n\r\n", StringSplitOptions.RemoveEmptyEntries)
            .Select(e => JsonDocument.Parse(e["data: ".Length..]).RootElement.Clone())
            .ToList();
    }
}
