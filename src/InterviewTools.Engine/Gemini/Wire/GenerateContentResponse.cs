using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace InterviewTools.Engine.Gemini.Wire
{
    internal sealed class GenerateContentResponse
    {
        [JsonPropertyName("candidates")] public List<Candidate>? Candidates { get; set; }
        [JsonPropertyName("promptFeedback")] public PromptFeedback? PromptFeedback { get; set; }
        [JsonPropertyName("usageMetadata")] public UsageMetadata? UsageMetadata { get; set; }
        [JsonPropertyName("modelVersion")] public string? ModelVersion { get; set; }
        [JsonPropertyName("responseId")] public string? ResponseId { get; set; }
    }

    internal sealed class Candidate
    {
        [JsonPropertyName("content")] public Content? Content { get; set; }
        [JsonPropertyName("finishReason")] public string? FinishReason { get; set; }
        [JsonPropertyName("finishMessage")] public string? FinishMessage { get; set; }
    }

    internal sealed class PromptFeedback
    {
        [JsonPropertyName("blockReason")] public string? BlockReason { get; set; }
    }

    internal sealed class UsageMetadata
    {
        [JsonPropertyName("promptTokenCount")] public int PromptTokenCount { get; set; }
        [JsonPropertyName("candidatesTokenCount")] public int CandidatesTokenCount { get; set; }
        [JsonPropertyName("thoughtsTokenCount")] public int ThoughtsTokenCount { get; set; }
        [JsonPropertyName("cachedContentTokenCount")] public int CachedContentTokenCount { get; set; }
        [JsonPropertyName("totalTokenCount")] public int TotalTokenCount { get; set; }
    }

    internal sealed class CountTokensResponse
    {
        [JsonPropertyName("totalTokens")] public int TotalTokens { get; set; }
    }

    internal sealed class ListModelsResponse
    {
        [JsonPropertyName("models")] public List<ModelInfo>? Models { get; set; }
        [JsonPropertyName("nextPageToken")] public string? NextPageToken { get; set; }
    }

    internal sealed class ModelInfo
    {
        [JsonPropertyName("name")] public string Name { get; set; } = string.Empty;
        [JsonPropertyName("displayName")] public string? DisplayName { get; set; }
        [JsonPropertyName("version")] public string? Version { get; set; }
        [JsonPropertyName("inputTokenLimit")] public int InputTokenLimit { get; set; }
        [JsonPropertyName("outputTokenLimit")] public int OutputTokenLimit { get; set; }
        [JsonPropertyName("supportedGenerationMethods")] public List<string>? SupportedGenerationMethods { get; set; }
        [JsonPropertyName("thinking")] public bool Thinking { get; set; }

        [JsonIgnore] public string Id => ModelId.Bare(Name);
    }
}
