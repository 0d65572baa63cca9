using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace InterviewTools.FakeGemini;

/// <summary>Reads the parts of a GenerateContentRequest the fake acts on, and its semantic 400s.</summary>
internal static class GenerateRequestReader
{
    public const string ContentsMissingMessage = "* GenerateContentRequest.contents: contents is not specified\n";

    // Wording unconfirmed (§12); the status is what matters.
    public const string BudgetAndLevelMessage = "You can only set only one of thinking budget and thinking level.";

    public static FakeReply? Validate(JsonElement request)
    {
        if (!ProtoFields.GetArray(request, "contents").Any())
        {
            return FakeReply.InvalidArgument(ContentsMissingMessage);
        }

        var thinking = ReadThinking(request);
        if (thinking.Budget is not null && thinking.Level is not null)
        {
            return FakeReply.InvalidArgument(BudgetAndLevelMessage);
        }

        if (thinking.Budget is { } budget && (budget < -1 || budget > 32_768))
        {
            return FakeReply.InvalidArgument($"The thinking budget ({budget}) is invalid.");
        }

        return null;
    }

    public static GenerateCall Read(JsonElement request, string model, string project, string apiKey, bool streaming)
    {
        ProtoFields.TryGet(request, "generationConfig", out var config);
        JsonElement? schema = null;
        bool isJsonSchema = false;
        if (ProtoFields.TryGet(config, "responseSchema", out var openApiSchema))
        {
            schema = openApiSchema;
        }
        else if (ProtoFields.TryGet(config, "responseJsonSchema", out var jsonSchema))
        {
            schema = jsonSchema;
            isJsonSchema = true;
        }

        return new GenerateCall
        {
            Model = model,
            Project = project,
            KeySuffix = apiKey.Length <= 4 ? apiKey : apiKey[^4..],
            Streaming = streaming,
            Request = request,
            UserText = string.Join("\n", UserTurns(request).SelectMany(TextParts)),
            SystemText = ProtoFields.TryGet(request, "systemInstruction", out var system) ? string.Join("\n", TextParts(system)) : string.Empty,
            ResponseMimeType = ProtoFields.GetString(config, "responseMimeType"),
            ResponseSchema = schema,
            ResponseSchemaIsJsonSchema = isJsonSchema,
            MaxOutputTokens = ProtoFields.GetInt(config, "maxOutputTokens"),
            Thinking = ReadThinking(request),
            PromptTokens = PromptTokens(request, includeSystemAndTools: true),
        };
    }

    /// <summary>Prompt size: every content part, plus system instruction and tools when the request carries them.</summary>
    public static int PromptTokens(JsonElement request, bool includeSystemAndTools)
    {
        int tokens = ProtoFields.GetArray(request, "contents").Sum(PartTokens);
        if (includeSystemAndTools)
        {
            if (ProtoFields.TryGet(request, "systemInstruction", out var system))
            {
                tokens += PartTokens(system);
            }

            if (ProtoFields.TryGet(request, "tools", out var tools))
            {
                tokens += TokenCounter.Count(tools.GetRawText());
            }
        }

        return tokens;
    }

    private static ThinkingSettings ReadThinking(JsonElement request)
    {
        if (!ProtoFields.TryGet(request, "generationConfig", out var config)
            || !ProtoFields.TryGet(config, "thinkingConfig", out var thinking))
        {
            return ThinkingSettings.None;
        }

        return new ThinkingSettings(
            ProtoFields.GetInt(thinking, "thinkingBudget"),
            ProtoFields.GetString(thinking, "thinkingLevel"),
            ProtoFields.GetBool(thinking, "includeThoughts"));
    }

    private static IEnumerable<JsonElement> UserTurns(JsonElement request) =>
        ProtoFields.GetArray(request, "contents").Where(content => ProtoFields.GetString(content, "role") is null or "user");

    private static IEnumerable<string> TextParts(JsonElement content) =>
        ProtoFields.GetArray(content, "parts")
            .Select(part => ProtoFields.GetString(part, "text"))
            .Where(text => text is not null)
            .Select(text => text!);

    private static int PartTokens(JsonElement content) =>
        ProtoFields.GetArray(content, "parts").Sum(part =>
            ProtoFields.GetString(part, "text") is { } text ? TokenCounter.Count(text)
            : ProtoFields.TryGet(part, "inlineData", out _) || ProtoFields.TryGet(part, "fileData", out _) ? TokenCounter.MediaPartTokens
            : 0);
}
