using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace InterviewTools.FakeGemini.Tests;

/// <summary>Per-project tiers and limits, the 401 for unsupported key types, and a refused endpoint.</summary>
public sealed class TierTests
{
    private const string FreeKey = "AIza-free-key";
    private const string PaidKey = "AQ.paid-key";

    [Theory]
    [InlineData(ProjectTier.Free, "GenerateRequestsPerDayPerProjectPerModel-FreeTier", "generativelanguage.googleapis.com/generate_content_free_tier_requests")]
    [InlineData(ProjectTier.Paid, "GenerateRequestsPerDayPerProjectPerModel", "generativelanguage.googleapis.com/generate_requests_per_model_per_day")]
    public async Task PerDayQuotaIdShowsTheProjectsTier(ProjectTier tier, string quotaId, string metric)
    {
        await using var server = await StartAsync(tier, new QuotaLimits(Rpd: 1));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(server, PaidKey));

        var violation = await ViolationAsync(server, PaidKey);
        Assert.Equal(quotaId, violation.GetProperty("quotaId").GetString());
        Assert.Equal(metric, violation.GetProperty("quotaMetric").GetString());
        Assert.Equal("1", violation.GetProperty("quotaValue").GetString());
    }

    [Theory]
    [InlineData(ProjectTier.Free, "GenerateRequestsPerMinutePerProjectPerModel-FreeTier")]
    [InlineData(ProjectTier.Paid, "GenerateRequestsPerMinutePerProjectPerModel")]
    public async Task PerMinuteQuotaIdShowsTheProjectsTier(ProjectTier tier, string quotaId)
    {
        await using var server = await StartAsync(tier, new QuotaLimits(Rpm: 1));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(server, PaidKey));

        Assert.Equal(quotaId, (await ViolationAsync(server, PaidKey)).GetProperty("quotaId").GetString());
    }

    [Fact]
    public async Task PaidInputTokensUseThePaidMetric()
    {
        await using var server = await StartAsync(ProjectTier.Paid, new QuotaLimits(InputTpm: 10));

        var violation = await ViolationAsync(server, PaidKey, Gemini.TextRequest(new string('文', 60)));
        Assert.Equal("GenerateContentPaidTierInputTokensPerModelPerMinute", violation.GetProperty("quotaId").GetString());
        Assert.Equal("generativelanguage.googleapis.com/generate_content_paid_tier_input_token_count", violation.GetProperty("quotaMetric").GetString());
    }

    [Fact]
    public async Task ProjectLimitsApplyToThatProjectOnly()
    {
        // The free project keeps the server-wide RPD 1; the paid one has its own, higher limit.
        var options = Options(ProjectTier.Paid, new QuotaLimits(Rpd: 3));
        options.DefaultQuota = new QuotaLimits(Rpd: 1);
        await using var server = await FakeGeminiServer.StartAsync(options);

        Assert.Equal(HttpStatusCode.OK, await StatusAsync(server, FreeKey));
        Assert.Equal((HttpStatusCode)429, await StatusAsync(server, FreeKey));
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, await StatusAsync(server, PaidKey));
        }

        Assert.Equal((HttpStatusCode)429, await StatusAsync(server, PaidKey));
    }

    [Fact]
    public async Task UnsupportedKeyTypeIs401WithItsOwnReason()
    {
        var options = new FakeGeminiOptions();
        options.KeyFaults[PaidKey] = KeyFault.AccessTokenTypeUnsupported;
        await using var server = await FakeGeminiServer.StartAsync(options);

        using var response = await Gemini.GenerateAsync(server, Gemini.TextRequest("hi"), key: PaidKey);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var error = (await Gemini.JsonAsync(response)).GetProperty("error");
        Assert.Equal("UNAUTHENTICATED", error.GetProperty("status").GetString());
        Assert.Equal(FakeReply.UnauthenticatedMessage, error.GetProperty("message").GetString());
        var info = Assert.Single(error.GetProperty("details").EnumerateArray());
        Assert.Equal("ACCESS_TOKEN_TYPE_UNSUPPORTED", info.GetProperty("reason").GetString());
        Assert.Equal("google.ai.generativelanguage.v1beta.GenerativeService.GenerateContent", info.GetProperty("metadata").GetProperty("method").GetString());
        Assert.DoesNotContain(PaidKey, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARefusedEndpointRefusesTheConnection()
    {
        var baseUrl = RefusedEndpoint.Reserve();

        var failure = await Assert.ThrowsAsync<HttpRequestException>(() => Gemini.Http.GetAsync(baseUrl + "/v1beta/models"));

        Assert.Equal(SocketError.ConnectionRefused, Assert.IsType<SocketException>(failure.InnerException).SocketErrorCode);
    }

    [Fact]
    public void CommandLineSetsProjectsAndKeyFaults()
    {
        var options = CommandLine.Parse(
            ["--key", "k1=alpha", "--project", "alpha=tier=paid,rpm=1000,rpd=100000", "--project", "beta=tier=free", "--key-fault", "k2=AccessTokenTypeUnsupported"],
            out _);

        Assert.Equal(ProjectTier.Paid, options.ProjectTiers["alpha"]);
        Assert.Equal(new QuotaLimits(1000, null, 100000), options.ProjectQuotas["alpha"]);
        Assert.Equal(ProjectTier.Free, options.ProjectTiers["beta"]);
        Assert.False(options.ProjectQuotas.ContainsKey("beta"));
        Assert.Equal(KeyFault.AccessTokenTypeUnsupported, options.KeyFaults["k2"]);
        Assert.Throws<FormatException>(() => CommandLine.Parse(["--project", "alpha=tier=gold"], out _));
        Assert.Throws<FormatException>(() => CommandLine.Parse(["--project", "alpha=burst=5"], out _));
        Assert.Throws<FormatException>(() => CommandLine.Parse(["--key-fault", "k2=Nonsense"], out _));
    }

    private static FakeGeminiOptions Options(ProjectTier tier, QuotaLimits paidLimits)
    {
        var options = new FakeGeminiOptions { Clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 3, 12, 0, 0, TimeSpan.Zero)) };
        options.Keys = new() { [FreeKey] = "free-project", [PaidKey] = "paid-project" };
        options.ProjectTiers["paid-project"] = tier;
        options.ProjectQuotas["paid-project"] = paidLimits;
        return options;
    }

    private static Task<FakeGeminiServer> StartAsync(ProjectTier tier, QuotaLimits limits) => FakeGeminiServer.StartAsync(Options(tier, limits));

    private static async Task<HttpStatusCode> StatusAsync(FakeGeminiServer server, string key, string? body = null)
    {
        using var response = await Gemini.GenerateAsync(server, body ?? Gemini.TextRequest("hi"), key: key);
        return response.StatusCode;
    }

    private static async Task<JsonElement> ViolationAsync(FakeGeminiServer server, string key, string? body = null)
    {
        using var response = await Gemini.GenerateAsync(server, body ?? Gemini.TextRequest("hi"), key: key);
        Assert.Equal((HttpStatusCode)429, response.StatusCode);
        var error = (await Gemini.JsonAsync(response)).GetProperty("error");
        var quota = error.GetProperty("details").EnumerateArray().Single(d => d.GetProperty("@type").GetString() == "type.googleapis.com/google.rpc.QuotaFailure");
        return Assert.Single(quota.GetProperty("violations").EnumerateArray());
    }
}
