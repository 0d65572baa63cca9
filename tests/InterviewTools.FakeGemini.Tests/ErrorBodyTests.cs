using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace InterviewTools.FakeGemini.Tests;

public sealed class ErrorBodyTests
{
    [Fact]
    public async Task UnknownModelIsTheByteExact404()
    {
        await using var server = await FakeGeminiServer.StartAsync();

        using var response = await Gemini.GenerateAsync(server, Gemini.TextRequest("hi"), model: "gemini-1.5-flash");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/json; charset=UTF-8", response.Content.Headers.ContentType!.ToString());
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(ReferenceBodies.NotFound15Flash, Encoding.UTF8.GetString(bytes));
        Assert.Equal(bytes.Length, response.Content.Headers.ContentLength);
    }

    [Fact]
    public async Task UnknownModelOnStreamKeepsEventStreamTypeButPlainJsonBody()
    {
        await using var server = await FakeGeminiServer.StartAsync();

        using var response = await Gemini.PostAsync(server, "/v1beta/models/gemini-1.5-flash:streamGenerateContent?alt=sse", Gemini.TextRequest("hi"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(ReferenceBodies.NotFound15Flash, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task CountTokensOnUnknownModelNamesCountTokensInTheTemplate()
    {
        await using var server = await FakeGeminiServer.StartAsync();

        using var response = await Gemini.PostAsync(server, "/v1beta/models/nope:countTokens", Gemini.TextRequest("hi"));

        var json = await Gemini.JsonAsync(response);
        Assert.Equal(FakeReply.NotFoundMessage("nope", "countTokens"), json.GetProperty("error").GetProperty("message").GetString());
    }

    [Fact]
    public async Task ScriptedPerDayQuotaIsTheByteExactReference429()
    {
        await using var server = await FakeGeminiServer.StartAsync();
        server.Enqueue(FakeReply.PerDayQuota());

        using var response = await Gemini.GenerateAsync(server, Gemini.TextRequest("hi"), model: "gemini-2.5-flash-lite");

        Assert.Equal((HttpStatusCode)429, response.StatusCode);
        Assert.Null(response.Headers.RetryAfter);
        Assert.Equal(ReferenceBodies.PerDay429, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task RealDailyQuotaExhaustionProducesTheReferenceLayout()
    {
        // 18.5973095 s before midnight Pacific (PDT, UTC-7) on 2026-03-19.
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 20, 7, 0, 0, TimeSpan.Zero) - TimeSpan.FromTicks(185_973_095));
        var options = new FakeGeminiOptions { Clock = clock };
        options.ModelQuotas["gemini-2.5-flash-lite"] = new QuotaLimits(Rpd: 20);
        await using var server = await FakeGeminiServer.StartAsync(options);
        for (int i = 0; i < 20; i++)
        {
            using var ok = await Gemini.GenerateAsync(server, Gemini.TextRequest("hi"), model: "gemini-2.5-flash-lite");
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }

        using var refused = await Gemini.GenerateAsync(server, Gemini.TextRequest("hi"), model: "gemini-2.5-flash-lite");

        var expected = ReferenceBodies.PerDay429.Replace("18.597309548s", "18.5973095s", StringComparison.Ordinal);
        Assert.Equal(expected, await refused.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ErrorBodiesArePrettyPrintedWithCodeMessageStatusDetailsOrder()
    {
        await using var server = await FakeGeminiServer.StartAsync();

        using var response = await Gemini.GenerateAsync(server, Gemini.TextRequest("hi"), key: "wrong-key");

        var body = await response.Content.ReadAsStringAsync();
        Assert.EndsWith("}\n", body, StringComparison.Ordinal);
        var keys = new[] { "\"code\"", "\"message\"", "\"status\"", "\"details\"" }.Select(k => body.IndexOf(k, StringComparison.Ordinal)).ToArray();
        Assert.All(keys, index => Assert.True(index > 0));
        Assert.Equal(keys.OrderBy(i => i), keys);
        Assert.Contains("\n    \"code\": 400,\n", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(500, "INTERNAL", FakeReply.InternalErrorMessage)]
    [InlineData(503, "UNAVAILABLE", FakeReply.OverloadedMessage)]
    [InlineData(504, "DEADLINE_EXCEEDED", FakeReply.DeadlineExceededMessage)]
    public async Task ServerFaultsUseTheCatalogueText(int status, string statusName, string message)
    {
        await using var server = await FakeGeminiServer.StartAsync();
        server.Enqueue(status switch
        {
            500 => FakeReply.InternalError(),
            503 => FakeReply.Overloaded(),
            _ => FakeReply.DeadlineExceeded(),
        });

        using var response = await Gemini.GenerateAsync(server, Gemini.TextRequest("hi"));

        Assert.Equal(status, (int)response.StatusCode);
        var expected = $"{{\n  \"error\": {{\n    \"code\": {status},\n    \"message\": \"{message}\",\n    \"status\": \"{statusName}\"\n  }}\n}}\n";
        Assert.Equal(expected, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task InputOverTheModelLimitIsRejectedWithTheTokenCounts()
    {
        var options = new FakeGeminiOptions { Models = [new FakeModel("tiny") { InputTokenLimit = 5 }] };
        await using var server = await FakeGeminiServer.StartAsync(options);
        var prompt = string.Concat(Enumerable.Repeat("字", 7));

        using var response = await Gemini.GenerateAsync(server, Gemini.TextRequest(prompt), model: "tiny");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var json = await Gemini.JsonAsync(response);
        Assert.Equal("The input token count (7) exceeds the maximum number of tokens allowed (5).", json.GetProperty("error").GetProperty("message").GetString());
    }

    [Fact]
    public async Task RetiredModelAnswersWithItsOwnMessage()
    {
        var options = new FakeGeminiOptions { Models = [.. FakeModel.Defaults(), FakeModel.Retired("gemini-2.5-pro")] };
        await using var server = await FakeGeminiServer.StartAsync(options);

        using var response = await Gemini.GenerateAsync(server, Gemini.TextRequest("hi"), model: "gemini-2.5-pro");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var json = await Gemini.JsonAsync(response);
        Assert.Equal(
            "This model models/gemini-2.5-pro is no longer available to new users. Please update your code to use a newer model for the latest features and improvements.",
            json.GetProperty("error").GetProperty("message").GetString());
    }
}
