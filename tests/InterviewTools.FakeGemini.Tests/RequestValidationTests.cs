using System.Net;
using System.Threading.Tasks;
using Xunit;

namespace InterviewTools.FakeGemini.Tests;

public sealed class RequestValidationTests
{
    [Fact]
    public async Task UnknownTopLevelFieldIs400WithoutFieldPath()
    {
        await using var server = await FakeGeminiServer.StartAsync();

        using var response = await Gemini.GenerateAsync(server, """{"contents":[{"parts":[{"text":"hi"}]}],"foo":1}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = (await Gemini.JsonAsync(response)).GetProperty("error");
        const string text = "Invalid JSON payload received. Unknown name \"foo\": Cannot find field.";
        Assert.Equal(text, error.GetProperty("message").GetString());
        Assert.Equal("INVALID_ARGUMENT", error.GetProperty("status").GetString());
        var violation = error.GetProperty("details")[0].GetProperty("fieldViolations")[0];
        Assert.False(violation.TryGetProperty("field", out _));
        Assert.Equal(text, violation.GetProperty("description").GetString());
    }

    [Fact]
    public async Task UnknownNestedFieldsAreReportedWithSnakeCasePathsOneLineEach()
    {
        await using var server = await FakeGeminiServer.StartAsync();
        const string body = """
            {"contents":[{"parts":[{"text":"hi","colour":"red"}]}],
             "generationConfig":{"maxOutputTokens":10,"thinkingConfig":{"thinkingBugdet":5}}}
            """;

        using var response = await Gemini.GenerateAsync(server, body);

        var error = (await Gemini.JsonAsync(response)).GetProperty("error");
        Assert.Equal(
            "Invalid JSON payload received. Unknown name \"colour\" at 'contents[0].parts[0]': Cannot find field.\n"
            + "Invalid JSON payload received. Unknown name \"thinkingBugdet\" at 'generation_config.thinking_config': Cannot find field.",
            error.GetProperty("message").GetString());
        var violations = error.GetProperty("details")[0].GetProperty("fieldViolations");
        Assert.Equal("contents[0].parts[0]", violations[0].GetProperty("field").GetString());
        Assert.Equal("generation_config.thinking_config", violations[1].GetProperty("field").GetString());
    }

    [Fact]
    public async Task SnakeCaseFieldNamesAreAccepted()
    {
        await using var server = await FakeGeminiServer.StartAsync();
        const string body = """
            {"system_instruction":{"parts":[{"text":"be brief"}]},
             "contents":[{"role":"user","parts":[{"text":"hello"}]}],
             "generation_config":{"max_output_tokens":100,"response_mime_type":"text/plain","thinking_config":{"thinking_budget":0}},
             "safety_settings":[{"category":"HARM_CATEGORY_HARASSMENT","threshold":"BLOCK_NONE"}]}
            """;

        using var response = await Gemini.GenerateAsync(server, body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("hello", await Gemini.AnswerTextAsync(response));
    }

    [Fact]
    public async Task ThinkingBudgetTogetherWithThinkingLevelIs400()
    {
        await using var server = await FakeGeminiServer.StartAsync();
        const string body = """
            {"contents":[{"parts":[{"text":"hi"}]}],
             "generationConfig":{"thinkingConfig":{"thinkingBudget":128,"thinkingLevel":"LOW"}}}
            """;

        using var response = await Gemini.GenerateAsync(server, body, model: "gemini-3.5-flash");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("INVALID_ARGUMENT", (await Gemini.JsonAsync(response)).GetProperty("error").GetProperty("status").GetString());
    }

    [Fact]
    public async Task OutOfRangeThinkingBudgetIs400()
    {
        await using var server = await FakeGeminiServer.StartAsync();
        const string body = """{"contents":[{"parts":[{"text":"hi"}]}],"generationConfig":{"thinkingConfig":{"thinkingBudget":52428}}}""";

        using var response = await Gemini.GenerateAsync(server, body);

        var error = (await Gemini.JsonAsync(response)).GetProperty("error");
        Assert.Equal("The thinking budget (52428) is invalid.", error.GetProperty("message").GetString());
    }

    [Fact]
    public async Task MissingContentsIs400()
    {
        await using var server = await FakeGeminiServer.StartAsync();

        using var response = await Gemini.GenerateAsync(server, "{}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task MalformedJsonIs400()
    {
        await using var server = await FakeGeminiServer.StartAsync();

        using var response = await Gemini.GenerateAsync(server, "{\"contents\": [");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith("Invalid JSON payload received.", (await Gemini.JsonAsync(response)).GetProperty("error").GetProperty("message").GetString());
    }

    [Fact]
    public async Task CountTokensValidatesTheNestedGenerateContentRequest()
    {
        await using var server = await FakeGeminiServer.StartAsync();
        const string body = """{"generateContentRequest":{"model":"models/gemini-2.5-flash","contents":[{"parts":[{"text":"hi"}]}],"bogus":true}}""";

        using var response = await Gemini.PostAsync(server, "/v1beta/models/gemini-2.5-flash:countTokens", body);

        var error = (await Gemini.JsonAsync(response)).GetProperty("error");
        Assert.Equal("Invalid JSON payload received. Unknown name \"bogus\" at 'generate_content_request': Cannot find field.", error.GetProperty("message").GetString());
    }
}
