using System;
using System.Net;
using System.Threading.Tasks;
using Xunit;

namespace InterviewTools.FakeGemini.Tests;

public sealed class AuthTests
{
    [Fact]
    public async Task NoKeyIs403UnregisteredCallers()
    {
        await using var server = await FakeGeminiServer.StartAsync();

        using var response = await Gemini.GenerateAsync(server, Gemini.TextRequest("hi"), key: null);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var error = (await Gemini.JsonAsync(response)).GetProperty("error");
        Assert.Equal("PERMISSION_DENIED", error.GetProperty("status").GetString());
        Assert.Equal(FakeReply.UnregisteredCallersMessage, error.GetProperty("message").GetString());
        Assert.False(error.TryGetProperty("details", out _));
    }

    [Fact]
    public async Task UnknownKeyIsByteExact400ApiKeyInvalid()
    {
        await using var server = await FakeGeminiServer.StartAsync();

        using var response = await Gemini.GenerateAsync(server, Gemini.TextRequest("hi"), key: "AIzaUnknown");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(ReferenceBodies.ApiKeyInvalid, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task HeaderKeyIsRecordedAndNeverInTheUrl()
    {
        await using var server = await FakeGeminiServer.StartAsync();

        using var response = await Gemini.GenerateAsync(server, Gemini.TextRequest("hi"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var request = Assert.Single(server.Requests);
        Assert.Equal(Gemini.Key, request.ApiKeyHeader);
        Assert.False(request.KeyInQuery);
        Assert.DoesNotContain(Gemini.Key, request.Url, StringComparison.Ordinal);
        Assert.Equal("project-1", request.Project);
        Assert.Equal(RouteKind.Generate, request.Route);
        Assert.Equal("gemini-2.5-flash", request.Model);
        Assert.Equal(200, request.Status);
    }

    [Fact]
    public async Task QueryKeyIsAcceptedButFlagged()
    {
        await using var server = await FakeGeminiServer.StartAsync();

        using var response = await Gemini.PostAsync(server, "/v1beta/models/gemini-2.5-flash:generateContent?key=" + Gemini.Key, Gemini.TextRequest("hi"), key: null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var request = Assert.Single(server.Requests);
        Assert.True(request.KeyInQuery);
        Assert.Null(request.ApiKeyHeader);
        Assert.Contains("key=" + Gemini.Key, request.Url, StringComparison.Ordinal);
        Assert.StartsWith(server.BaseUrl + "/v1beta/models/", request.Url, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(KeyFault.Leaked, 403, "PERMISSION_DENIED", null)]
    [InlineData(KeyFault.ServiceDisabled, 403, "PERMISSION_DENIED", "SERVICE_DISABLED")]
    [InlineData(KeyFault.ServiceBlocked, 403, "PERMISSION_DENIED", "API_KEY_SERVICE_BLOCKED")]
    [InlineData(KeyFault.Suspended, 403, "PERMISSION_DENIED", "CONSUMER_SUSPENDED")]
    [InlineData(KeyFault.PrepayDepleted, 402, "RESOURCE_EXHAUSTED", null)]
    public async Task ScriptedKeyFaults(KeyFault fault, int status, string statusName, string? reason)
    {
        var options = new FakeGeminiOptions();
        options.Keys["bad-key"] = "project-9";
        options.KeyFaults["bad-key"] = fault;
        await using var server = await FakeGeminiServer.StartAsync(options);

        using var response = await Gemini.GenerateAsync(server, Gemini.TextRequest("hi"), key: "bad-key");

        Assert.Equal(status, (int)response.StatusCode);
        var error = (await Gemini.JsonAsync(response)).GetProperty("error");
        Assert.Equal(statusName, error.GetProperty("status").GetString());
        if (reason is null)
        {
            Assert.False(error.TryGetProperty("details", out _));
            return;
        }

        string? found = null;
        foreach (var detail in error.GetProperty("details").EnumerateArray())
        {
            if (detail.GetProperty("@type").GetString() == "type.googleapis.com/google.rpc.ErrorInfo")
            {
                found = detail.GetProperty("reason").GetString();
            }
        }

        Assert.Equal(reason, found);
    }

    [Fact]
    public async Task ServiceDisabledCarriesHelpThenErrorInfoWithTheProjectNumber()
    {
        var options = new FakeGeminiOptions();
        options.Keys["k"] = "411082643095";
        options.KeyFaults["k"] = KeyFault.ServiceDisabled;
        await using var server = await FakeGeminiServer.StartAsync(options);

        using var response = await Gemini.GenerateAsync(server, Gemini.TextRequest("hi"), key: "k");

        var details = (await Gemini.JsonAsync(response)).GetProperty("error").GetProperty("details");
        Assert.Equal("type.googleapis.com/google.rpc.Help", details[0].GetProperty("@type").GetString());
        Assert.Equal("projects/411082643095", details[1].GetProperty("metadata").GetProperty("consumer").GetString());
    }

    [Fact]
    public async Task ModelListingAlsoNeedsAKey()
    {
        await using var server = await FakeGeminiServer.StartAsync();

        using var response = await Gemini.GetAsync(server, "/v1beta/models", key: null);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
