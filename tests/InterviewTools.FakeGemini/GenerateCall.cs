using System;
using System.Text.Json;

namespace InterviewTools.FakeGemini;

/// <summary>One validated generate request, as a responder sees it.</summary>
public sealed class GenerateCall
{
    public required string Model { get; init; }

    public required string Project { get; init; }

    /// <summary>Only the last 4 characters of the key, so responders cannot leak it.</summary>
    public required string KeySuffix { get; init; }

    public required bool Streaming { get; init; }

    /// <summary>The request body; valid for the duration of the call only.</summary>
    public required JsonElement Request { get; init; }

    /// <summary>Text parts of the user turns (role "user" or none), joined with "\n".</summary>
    public required string UserText { get; init; }

    public required string SystemText { get; init; }

    public string? ResponseMimeType { get; init; }

    /// <summary>generationConfig.responseSchema, or responseJsonSchema when that was sent instead; null if neither.</summary>
    public JsonElement? ResponseSchema { get; init; }

    public bool ResponseSchemaIsJsonSchema { get; init; }

    public int? MaxOutputTokens { get; init; }

    public required ThinkingSettings Thinking { get; init; }

    public required int PromptTokens { get; init; }

    public bool WantsJson => string.Equals(ResponseMimeType, "application/json", StringComparison.OrdinalIgnoreCase);
}
