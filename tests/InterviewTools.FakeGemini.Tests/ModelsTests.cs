using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using Xunit;

namespace InterviewTools.FakeGemini.Tests;

public sealed class ModelsTests
{
    [Fact]
    public async Task ListPagesUntilTheTokenIsOmittedAndSkipsRetiredModels()
    {
        var models = Enumerable.Range(1, 5).Select(i => new FakeModel($"model-{i}")).ToList();
        models.Insert(2, FakeModel.Retired("gemini-old"));
        await using var server = await FakeGeminiServer.StartAsync(new FakeGeminiOptions { Models = models });

        var names = new List<string>();
        string? token = null;
        int pages = 0;
        do
        {
            using var response = await Gemini.GetAsync(server, "/v1beta/models?pageSize=2" + (token is null ? string.Empty : "&pageToken=" + token));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var json = await Gemini.JsonAsync(response);
            names.AddRange(json.GetProperty("models").EnumerateArray().Select(m => m.GetProperty("name").GetString()!));
            token = json.TryGetProperty("nextPageToken", out var next) ? next.GetString() : null;
            pages++;
        }
        while (token is not null);

        Assert.Equal(3, pages);
        Assert.Equal(["models/model-1", "models/model-2", "models/model-3", "models/model-4", "models/model-5"], names);
    }

    [Fact]
    public async Task DefaultPageHoldsFiftyModels()
    {
        var models = Enumerable.Range(1, 51).Select(i => new FakeModel($"m{i}")).ToList();
        await using var server = await FakeGeminiServer.StartAsync(new FakeGeminiOptions { Models = models });

        using var response = await Gemini.GetAsync(server, "/v1beta/models");
        var json = await Gemini.JsonAsync(response);

        Assert.Equal(50, json.GetProperty("models").GetArrayLength());
        Assert.True(json.TryGetProperty("nextPageToken", out _));
    }

    [Fact]
    public async Task GetModelReturnsTheModelResource()
    {
        await using var server = await FakeGeminiServer.StartAsync();

        using var thinking = await Gemini.GetAsync(server, "/v1beta/models/gemini-2.5-flash");
        using var plain = await Gemini.GetAsync(server, "/v1beta/models/gemini-2.5-flash-lite");

        var model = await Gemini.JsonAsync(thinking);
        Assert.Equal("models/gemini-2.5-flash", model.GetProperty("name").GetString());
        Assert.Equal(1_048_576, model.GetProperty("inputTokenLimit").GetInt32());
        Assert.Equal(65_536, model.GetProperty("outputTokenLimit").GetInt32());
        Assert.Contains("generateContent", model.GetProperty("supportedGenerationMethods").EnumerateArray().Select(m => m.GetString()));
        Assert.True(model.GetProperty("thinking").GetBoolean());
        Assert.False((await Gemini.JsonAsync(plain)).TryGetProperty("thinking", out _));
        Assert.Equal(2, server.CountFor(RouteKind.GetModel));
    }

    [Fact]
    public async Task GetUnknownModelIs404()
    {
        await using var server = await FakeGeminiServer.StartAsync();

        using var response = await Gemini.GetAsync(server, "/v1beta/models/gemini-0");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("NOT_FOUND", (await Gemini.JsonAsync(response)).GetProperty("error").GetProperty("status").GetString());
    }

    [Fact]
    public async Task UnknownPathIsAnHtml404()
    {
        await using var server = await FakeGeminiServer.StartAsync();

        using var response = await Gemini.GetAsync(server, "/v1/models");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
    }
}
