using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace InterviewTools.Engine.Gemini.Wire
{
    internal sealed class GenerateContentRequest
    {
        [JsonPropertyName("model")] public string? Model { get; set; }
        [JsonPropertyName("systemInstruction")] public Content? SystemInstruction { get; set; }
        [JsonPropertyName("contents")] public List<Content> Contents { get; set; } = new List<Content>();
        [JsonPropertyName("generationConfig")] public GenerationConfig? GenerationConfig { get; set; }
    }

    internal sealed class Content
    {
        [JsonPropertyName("role")] public string? Role { get; set; }
        [JsonPropertyName("parts")] public List<Part>? Parts { get; set; }

        public static Content User(string text) => new Content { Role = "user", Parts = new List<Part> { new Part { Text = text } } };

        public static Content Instruction(string text) => new Content { Parts = new List<Part> { new Part { Text = text } } };
    }

    internal sealed class Part
    {
        [JsonPropertyName("text")] public string? Text { get; set; }
        [JsonPropertyName("thought")] public bool? Thought { get; set; }
    }

    internal sealed class GenerationConfig
    {
        [JsonPropertyName("temperature")] public double? Temperature { get; set; }
        [JsonPropertyName("maxOutputTokens")] public int? MaxOutputTokens { get; set; }
        [JsonPropertyName("responseMimeType")] public string? ResponseMimeType { get; set; }
        [JsonPropertyName("responseSchema")] public Schema? ResponseSchema { get; set; }
        [JsonPropertyName("thinkingConfig")] public ThinkingConfig? ThinkingConfig { get; set; }
    }

    internal sealed class ThinkingConfig
    {
        [JsonPropertyName("thinkingBudget")] public int? ThinkingBudget { get; set; }
        [JsonPropertyName("thinkingLevel")] public string? ThinkingLevel { get; set; }
    }

    /// <summary>The OpenAPI-subset schema of <c>responseSchema</c>; type names are upper case as the SDKs send them.</summary>
    internal sealed class Schema
    {
        [JsonPropertyName("type")] public string Type { get; set; } = "STRING";
        [JsonPropertyName("description")] public string? Description { get; set; }
        [JsonPropertyName("items")] public Schema? Items { get; set; }
        [JsonPropertyName("properties")] public Dictionary<string, Schema>? Properties { get; set; }
        [JsonPropertyName("required")] public List<string>? Required { get; set; }
        [JsonPropertyName("propertyOrdering")] public List<string>? PropertyOrdering { get; set; }
    }

    internal sealed class CountTokensRequest
    {
        [JsonPropertyName("generateContentRequest")] public GenerateContentRequest? GenerateContentRequest { get; set; }
    }
}
