using System;
using System.Linq;
using System.Net;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;

namespace InterviewTools.FakeGemini.Tests;

public sealed class SchemaEchoTests
{
    private const string ChinesePost = "如何评价这次面试？\n1. 面试官很专业\n2. 问题很难\n3. 氛围轻松\n4. 第四点不会出现";

    [Fact]
    public async Task ObjectFollowsPropertyOrderingAndKeepsChineseUnescaped()
    {
        await using var server = await FakeGeminiServer.StartAsync();
        var body = SchemaRequest(ChinesePost, """
            {"type":"OBJECT","properties":{"points":{"type":"ARRAY","items":{"type":"STRING"}},"count":{"type":"INTEGER"},"ok":{"type":"BOOLEAN"},"title":{"type":"STRING"}},
             "required":["title","points"],"propertyOrdering":["title","points","count","ok"]}
            """);

        using var response = await Gemini.GenerateAsync(server, body);
        var raw = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("如何评价这次面试？", raw, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u", raw, StringComparison.Ordinal);
        var text = JsonDocument.Parse(raw).RootElement.GetProperty("candidates")[0].GetProperty("content").GetProperty("parts")[0].GetProperty("text").GetString()!;
        Assert.Equal("""{"title":"如何评价这次面试？","points":["如何评价这次面试？","面试官很专业","问题很难"],"count":1,"ok":true}""", text);
        Assert.Equal(["title", "points", "count", "ok"], JsonDocument.Parse(text).RootElement.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task LowerCaseJsonSchemaIsFilledToo()
    {
        await using var server = await FakeGeminiServer.StartAsync();
        const string body = """
            {"contents":[{"parts":[{"text":"- alpha\n- beta"}]}],
             "generationConfig":{"responseMimeType":"application/json","responseJsonSchema":
               {"type":"object","properties":{"items":{"type":"array","items":{"$ref":"#/$defs/item"}},"kind":{"type":"string","enum":["A","B"]}},"$defs":{"item":{"type":"string"}}}}}
            """;

        using var response = await Gemini.GenerateAsync(server, body);

        Assert.Equal("""{"items":["alpha","beta"],"kind":"A"}""", await Gemini.AnswerTextAsync(response));
    }

    [Fact]
    public async Task LongLinesAreCutToSixtyCharacters()
    {
        await using var server = await FakeGeminiServer.StartAsync();
        var post = new string('x', 100);

        using var response = await Gemini.GenerateAsync(server, SchemaRequest(post, """{"type":"STRING"}"""));

        Assert.Equal("\"" + new string('x', 60) + "\"", await Gemini.AnswerTextAsync(response));
    }

    [Fact]
    public async Task WithoutSchemaTheAnswerIsTheHeadOfThePost()
    {
        await using var server = await FakeGeminiServer.StartAsync();
        var post = "第一行\n" + new string('y', 80);

        using var response = await Gemini.GenerateAsync(server, Gemini.TextRequest(post));

        Assert.Equal(post[..60], await Gemini.AnswerTextAsync(response));
    }

    [Fact]
    public async Task ResponderCanDelegateToTheEcho()
    {
        await using var server = await FakeGeminiServer.StartAsync();
        GenerateCall? seen = null;
        server.Responder = call =>
        {
            seen = call;
            return SchemaEchoResponder.Respond(call);
        };
        const string body = """
            {"systemInstruction":{"parts":[{"text":"Only JSON."}]},
             "contents":[{"role":"user","parts":[{"text":"post"}]}],
             "generationConfig":{"responseMimeType":"application/json","responseSchema":{"type":"ARRAY","items":{"type":"INTEGER"}},"maxOutputTokens":256,"thinkingConfig":{"thinkingBudget":0}}}
            """;

        using var response = await Gemini.GenerateAsync(server, body);

        Assert.Equal("[1]", await Gemini.AnswerTextAsync(response));
        Assert.NotNull(seen);
        Assert.Equal("post", seen.UserText);
        Assert.Equal("Only JSON.", seen.SystemText);
        Assert.Equal(256, seen.MaxOutputTokens);
        Assert.Equal(0, seen.Thinking.Budget);
        Assert.False(seen.ResponseSchemaIsJsonSchema);
        Assert.Equal("project-1", seen.Project);
        Assert.DoesNotContain(Gemini.Key, seen.KeySuffix, StringComparison.Ordinal);
    }

    private static string SchemaRequest(string post, string schema) =>
        $$$"""{"contents":[{"role":"user","parts":[{"text":{{{JsonSerializer.Serialize(post)}}}}]}],"generationConfig":{"responseMimeType":"application/json","responseSchema":{{{schema}}}}}""";
}
