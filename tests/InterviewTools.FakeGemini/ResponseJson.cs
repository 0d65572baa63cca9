using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;

namespace InterviewTools.FakeGemini;

/// <summary>GenerateContentResponse objects in proto3 JSON: zero values and empty fields omitted.</summary>
internal static class ResponseJson
{
    public static JsonObject Unary(AnswerPlan plan, string model, string responseId)
    {
        var parts = new JsonArray();
        if (plan.ThoughtSummary is not null)
        {
            parts.Add(ThoughtPart(plan.ThoughtSummary));
        }

        if (!string.IsNullOrEmpty(plan.Text))
        {
            parts.Add(TextPart(plan.Text));
        }

        return plan.BlockReason is null
            ? Response(Candidate(parts, plan.FinishReason, plan.KeepEmptyContent), Usage(plan, plan.CandidateTokens), model, responseId)
            : Blocked(plan, model, responseId);
    }

    /// <summary>Stream events: text deltas, cumulative usage, finishReason on the last one only.</summary>
    public static List<JsonObject> Chunks(AnswerPlan plan, string model, string responseId)
    {
        if (plan.BlockReason is not null)
        {
            return [Blocked(plan, model, responseId)];
        }

        var chunks = new List<JsonObject>();
        if (plan.ThoughtSummary is not null)
        {
            chunks.Add(Response(Candidate(new JsonArray(ThoughtPart(plan.ThoughtSummary)), null, true), Usage(plan, 0), model, responseId));
        }

        var pieces = Split(plan.Text ?? string.Empty);
        var sent = string.Empty;
        for (int i = 0; i < pieces.Count; i++)
        {
            sent += pieces[i];
            bool last = i == pieces.Count - 1;
            var parts = pieces[i].Length == 0 ? new JsonArray() : new JsonArray(TextPart(pieces[i]));
            var candidate = Candidate(parts, last ? plan.FinishReason : null, keepEmptyContent: last ? plan.KeepEmptyContent : true);
            chunks.Add(Response(candidate, Usage(plan, TokenCounter.Count(sent)), model, responseId));
        }

        return chunks;
    }

    private static List<string> Split(string text)
    {
        var runes = text.EnumerateRunes().Select(r => r.ToString()).ToList();
        if (runes.Count < 2)
        {
            return [text];
        }

        int count = runes.Count >= 30 ? 3 : 2;
        var pieces = new List<string>();
        for (int i = 0; i < count; i++)
        {
            int from = runes.Count * i / count;
            int to = runes.Count * (i + 1) / count;
            pieces.Add(string.Concat(runes.Skip(from).Take(to - from)));
        }

        return pieces;
    }

    private static JsonObject Response(JsonObject candidate, JsonObject usage, string model, string responseId) => new()
    {
        ["candidates"] = new JsonArray(candidate),
        ["usageMetadata"] = usage,
        ["modelVersion"] = model,
        ["responseId"] = responseId,
    };

    private static JsonObject Blocked(AnswerPlan plan, string model, string responseId) => new()
    {
        ["promptFeedback"] = new JsonObject { ["blockReason"] = plan.BlockReason },
        ["usageMetadata"] = Usage(plan, 0),
        ["modelVersion"] = model,
        ["responseId"] = responseId,
    };

    private static JsonObject Candidate(JsonArray parts, string? finishReason, bool keepEmptyContent)
    {
        var candidate = new JsonObject();
        if (parts.Count > 0)
        {
            candidate["content"] = new JsonObject { ["parts"] = parts, ["role"] = "model" };
        }
        else if (keepEmptyContent)
        {
            candidate["content"] = new JsonObject { ["role"] = "model" };
        }

        if (finishReason is not null)
        {
            candidate["finishReason"] = finishReason;
        }

        // "index" is proto3 optional: 2.5+ models send an explicit 0.
        candidate["index"] = 0;
        return candidate;
    }

    private static JsonObject Usage(AnswerPlan plan, int candidateTokens)
    {
        int thoughts = plan.BlockReason is null ? plan.ThoughtTokens : 0;
        var usage = new JsonObject();
        AddIfNonZero(usage, "promptTokenCount", plan.PromptTokens);
        AddIfNonZero(usage, "candidatesTokenCount", candidateTokens);
        AddIfNonZero(usage, "totalTokenCount", plan.PromptTokens + candidateTokens + thoughts);
        if (plan.PromptTokens > 0)
        {
            usage["promptTokensDetails"] = new JsonArray(new JsonObject { ["modality"] = "TEXT", ["tokenCount"] = plan.PromptTokens });
        }

        AddIfNonZero(usage, "thoughtsTokenCount", thoughts);
        AddIfNonZero(usage, "cachedContentTokenCount", plan.CachedTokens);
        return usage;
    }

    private static void AddIfNonZero(JsonObject target, string name, int value)
    {
        if (value != 0)
        {
            target[name] = value;
        }
    }

    private static JsonObject TextPart(string text) => new() { ["text"] = text };

    private static JsonObject ThoughtPart(string text) => new() { ["text"] = text, ["thought"] = true };
}
