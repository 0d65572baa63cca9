using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace InterviewTools.FakeGemini.Tests;

public sealed class QuotaTests
{
    private const string Model = "gemini-2.5-flash";

    [Fact]
    public async Task RpdResetsAtPacificMidnightOnTheSpringForwardDay()
    {
        // 2026-03-08 is the DST start: PST (UTC-8) in the morning, PDT (UTC-7) by 10:00. Midnight that night is 07:00Z, not 08:00Z.
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 8, 17, 0, 0, TimeSpan.Zero));
        await using var server = await StartAsync(clock, new QuotaLimits(Rpd: 1));
        await AssertStatusAsync(server, HttpStatusCode.OK);

        var refused = await ErrorAsync(server);
        Assert.EndsWith("\nPlease retry in 14h0m0s.", refused.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal("50400s", Detail(refused, "RetryInfo").GetProperty("retryDelay").GetString());

        clock.SetUtcNow(new DateTimeOffset(2026, 3, 9, 6, 59, 59, 999, TimeSpan.Zero));
        await AssertStatusAsync(server, (HttpStatusCode)429);
        clock.Advance(TimeSpan.FromMilliseconds(1));
        await AssertStatusAsync(server, HttpStatusCode.OK);
        Assert.Equal(new DateOnly(2026, 3, 9), server.Usage("project-1", Model).PacificDate);
    }

    [Fact]
    public async Task RpdResetsAtPacificMidnightAfterTheFallBackDay()
    {
        // 2026-11-01 has 25 hours in Los Angeles: it starts at 07:00Z (PDT) and ends at 08:00Z the next day (PST).
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 1, 7, 30, 0, TimeSpan.Zero));
        await using var server = await StartAsync(clock, new QuotaLimits(Rpd: 1));
        await AssertStatusAsync(server, HttpStatusCode.OK);

        var refused = await ErrorAsync(server);
        Assert.EndsWith("\nPlease retry in 24h30m0s.", refused.GetProperty("message").GetString(), StringComparison.Ordinal);

        clock.SetUtcNow(new DateTimeOffset(2026, 11, 2, 7, 59, 59, TimeSpan.Zero));
        await AssertStatusAsync(server, (HttpStatusCode)429);
        clock.SetUtcNow(new DateTimeOffset(2026, 11, 2, 8, 0, 0, TimeSpan.Zero));
        await AssertStatusAsync(server, HttpStatusCode.OK);
    }

    [Fact]
    public async Task RpmUsesASlidingSixtySecondWindow()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 5, 1, 12, 0, 0, TimeSpan.Zero));
        await using var server = await StartAsync(clock, new QuotaLimits(Rpm: 2));
        await AssertStatusAsync(server, HttpStatusCode.OK);
        clock.Advance(TimeSpan.FromSeconds(30));
        await AssertStatusAsync(server, HttpStatusCode.OK);
        clock.Advance(TimeSpan.FromSeconds(10));

        var refused = await ErrorAsync(server);
        Assert.EndsWith("\nPlease retry in 20s.", refused.GetProperty("message").GetString(), StringComparison.Ordinal);
        var violation = Assert.Single(Detail(refused, "QuotaFailure").GetProperty("violations").EnumerateArray());
        Assert.Equal("GenerateRequestsPerMinutePerProjectPerModel-FreeTier", violation.GetProperty("quotaId").GetString());
        Assert.Equal("2", violation.GetProperty("quotaValue").GetString());

        clock.Advance(TimeSpan.FromSeconds(20));
        await AssertStatusAsync(server, HttpStatusCode.OK);
        clock.Advance(TimeSpan.FromSeconds(1));
        await AssertStatusAsync(server, (HttpStatusCode)429);
    }

    [Fact]
    public async Task InputTokensPerMinuteCountsPromptTokens()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 5, 1, 12, 0, 0, TimeSpan.Zero));
        await using var server = await StartAsync(clock, new QuotaLimits(InputTpm: 100));
        var sixtyTokens = Gemini.TextRequest(new string('文', 60));
        await AssertStatusAsync(server, HttpStatusCode.OK, sixtyTokens);

        var refused = await ErrorAsync(server, sixtyTokens);

        var violation = Assert.Single(Detail(refused, "QuotaFailure").GetProperty("violations").EnumerateArray());
        Assert.Equal("GenerateContentInputTokensPerModelPerMinute-FreeTier", violation.GetProperty("quotaId").GetString());
        Assert.Equal("generativelanguage.googleapis.com/generate_content_free_tier_input_token_count", violation.GetProperty("quotaMetric").GetString());
        Assert.Equal("100", violation.GetProperty("quotaValue").GetString());
        Assert.Equal(60, server.Usage("project-1", Model).InputTokensLastMinute);
    }

    [Fact]
    public async Task RefusedRequestsDoNotCount()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 5, 1, 12, 0, 0, TimeSpan.Zero));
        await using var server = await StartAsync(clock, new QuotaLimits(Rpm: 1, Rpd: 5));
        await AssertStatusAsync(server, HttpStatusCode.OK);
        await AssertStatusAsync(server, (HttpStatusCode)429);
        await AssertStatusAsync(server, (HttpStatusCode)429);

        var usage = server.Usage("project-1", Model);
        Assert.Equal(1, usage.RequestsLastMinute);
        Assert.Equal(1, usage.RequestsToday);
        clock.Advance(TimeSpan.FromSeconds(60));
        await AssertStatusAsync(server, HttpStatusCode.OK);
    }

    [Fact]
    public async Task ScriptedErrorsDoNotConsumeQuota()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 5, 1, 12, 0, 0, TimeSpan.Zero));
        await using var server = await StartAsync(clock, new QuotaLimits(Rpd: 1));
        server.Enqueue(FakeReply.Overloaded());
        await AssertStatusAsync(server, HttpStatusCode.ServiceUnavailable);
        await AssertStatusAsync(server, HttpStatusCode.OK);
    }

    [Fact]
    public async Task KeysOfOneProjectShareQuotaAndModelsDoNot()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 5, 1, 12, 0, 0, TimeSpan.Zero));
        var options = new FakeGeminiOptions { Clock = clock, DefaultQuota = new QuotaLimits(Rpd: 1) };
        options.Keys["test-key-2"] = "project-1";
        options.Keys["other-key"] = "project-2";
        await using var server = await FakeGeminiServer.StartAsync(options);

        await AssertStatusAsync(server, HttpStatusCode.OK, key: "test-key-1");
        await AssertStatusAsync(server, (HttpStatusCode)429, key: "test-key-2");
        await AssertStatusAsync(server, HttpStatusCode.OK, key: "other-key");
        await AssertStatusAsync(server, HttpStatusCode.OK, key: "test-key-1", model: "gemini-2.5-flash-lite");

        var snapshot = server.UsageSnapshot();
        Assert.Equal(1, snapshot[("project-1", Model)].RequestsToday);
        Assert.Equal(1, snapshot[("project-2", Model)].RequestsToday);
        Assert.Equal(1, snapshot[("project-1", "gemini-2.5-flash-lite")].RequestsToday);
    }

    [Fact]
    public async Task ZeroLimitListsEveryViolationWithoutQuotaValue()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 5, 1, 12, 0, 0, TimeSpan.Zero));
        await using var server = await StartAsync(clock, QuotaLimits.None);

        var refused = await ErrorAsync(server);

        var message = refused.GetProperty("message").GetString()!;
        Assert.Equal(3, message.Split("limit: 0, model: gemini-2.5-flash").Length - 1);
        var violations = Detail(refused, "QuotaFailure").GetProperty("violations").EnumerateArray().ToList();
        Assert.Equal(
            ["GenerateRequestsPerDayPerProjectPerModel-FreeTier", "GenerateRequestsPerMinutePerProjectPerModel-FreeTier", "GenerateContentInputTokensPerModelPerMinute-FreeTier"],
            violations.Select(v => v.GetProperty("quotaId").GetString()));
        Assert.All(violations, v => Assert.False(v.TryGetProperty("quotaValue", out _)));
    }

    [Fact]
    public void FreeTierProfileMatchesTheDocumentedTestDefault()
    {
        Assert.Equal(new QuotaLimits(10, 250_000, 20), QuotaLimits.FreeTier);
        Assert.Equal(QuotaLimits.Unlimited, new FakeGeminiOptions().DefaultQuota);
    }

    private static Task<FakeGeminiServer> StartAsync(FakeTimeProvider clock, QuotaLimits limits) =>
        FakeGeminiServer.StartAsync(new FakeGeminiOptions { Clock = clock, DefaultQuota = limits });

    private static async Task AssertStatusAsync(FakeGeminiServer server, HttpStatusCode expected, string? body = null, string key = Gemini.Key, string model = Model)
    {
        using var response = await Gemini.GenerateAsync(server, body ?? Gemini.TextRequest("hi"), model, key);
        Assert.Equal(expected, response.StatusCode);
    }

    private static async Task<JsonElement> ErrorAsync(FakeGeminiServer server, string? body = null)
    {
        using HttpResponseMessage response = await Gemini.GenerateAsync(server, body ?? Gemini.TextRequest("hi"));
        Assert.Equal((HttpStatusCode)429, response.StatusCode);
        return (await Gemini.JsonAsync(response)).GetProperty("error");
    }

    private static JsonElement Detail(JsonElement error, string type) =>
        error.GetProperty("details").EnumerateArray().Single(d => d.GetProperty("@type").GetString() == "type.googleapis.com/google.rpc." + type);
}
