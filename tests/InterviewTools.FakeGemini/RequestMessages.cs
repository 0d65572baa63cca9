using System;
using System.Collections.Generic;
using System.Linq;

namespace InterviewTools.FakeGemini;

/// <summary>The proto messages we validate (§3.1), by lowerCamel field name; value = nested message type when we check inside it.</summary>
internal static class RequestMessages
{
    public sealed record Message(string Name, IReadOnlyDictionary<string, Nested?> Fields);

    /// <summary>A field whose value is a message (or a repeated message) we also validate.</summary>
    public sealed record Nested(Func<Message> Type, bool Repeated);

    public static readonly Message Part = new("Part", Fields(
        "text", "inlineData", "fileData", "functionCall", "functionResponse", "executableCode",
        "codeExecutionResult", "thought", "thoughtSignature", "videoMetadata", "partMetadata", "mediaResolution"));

    public static readonly Message Content = new("Content", Fields("role").With("parts", () => Part, repeated: true));

    public static readonly Message ThinkingConfig = new("ThinkingConfig", Fields("thinkingBudget", "thinkingLevel", "includeThoughts"));

    public static readonly Message SafetySetting = new("SafetySetting", Fields("category", "threshold", "method"));

    public static readonly Message GenerationConfig = new("GenerationConfig", Fields(
        "candidateCount", "stopSequences", "maxOutputTokens", "temperature", "topP", "topK", "seed",
        "presencePenalty", "frequencyPenalty", "responseLogprobs", "logprobs", "enableEnhancedCivicAnswers",
        "responseMimeType", "responseSchema", "responseJsonSchema", "responseModalities", "mediaResolution",
        "speechConfig", "imageConfig", "enableAffectiveDialog")
        .With("thinkingConfig", () => ThinkingConfig, repeated: false));

    public static readonly Message GenerateContentRequest = new("GenerateContentRequest", Fields(
        "model", "tools", "toolConfig", "cachedContent")
        .With("contents", () => Content, repeated: true)
        .With("systemInstruction", () => Content, repeated: false)
        .With("safetySettings", () => SafetySetting, repeated: true)
        .With("generationConfig", () => GenerationConfig, repeated: false));

    public static readonly Message CountTokensRequest = new("CountTokensRequest", Fields()
        .With("contents", () => Content, repeated: true)
        .With("generateContentRequest", () => GenerateContentRequest, repeated: false));

    private static Dictionary<string, Nested?> Fields(params string[] scalarNames) =>
        scalarNames.ToDictionary(name => name, _ => (Nested?)null, StringComparer.Ordinal);

    private static Dictionary<string, Nested?> With(this Dictionary<string, Nested?> fields, string name, Func<Message> type, bool repeated)
    {
        fields[name] = new Nested(type, repeated);
        return fields;
    }
}
