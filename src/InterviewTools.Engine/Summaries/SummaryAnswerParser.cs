using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using InterviewTools.Engine.Gemini.Wire;
using InterviewTools.Engine.Policy;

namespace InterviewTools.Engine.Summaries
{
    /// <summary>Turns a 200 answer into notes (the content half of a <see cref="PostSummary"/>), or into a failure that says what was wrong with it.</summary>
    internal static class SummaryAnswerParser
    {
        /// <summary>The answer stopped at maxOutputTokens (finishReason MAX_TOKENS), whatever text it has.</summary>
        public static bool WasCutOff(GenerateContentResponse response) => response.Candidates?.FirstOrDefault()?.FinishReason == "MAX_TOKENS";

        public static bool TryParse(GenerateContentResponse response, int maxOutputTokens, out PostSummary content, out SummaryFailure? failure)
        {
            content = new PostSummary();
            failure = null;
            var blockReason = response.PromptFeedback?.BlockReason;
            var candidate = response.Candidates?.FirstOrDefault();
            if (candidate == null)
            {
                failure = blockReason != null
                    ? new SummaryFailure(FailureKind.PromptBlocked, $"Gemini blocked the prompt ({blockReason}); no answer was generated.")
                    : new SummaryFailure(FailureKind.EmptyAnswer, "Gemini answered with no candidates.");
                return false;
            }

            var finishReason = candidate.FinishReason ?? "STOP";
            var text = AnswerText(candidate);
            if (finishReason == "MAX_TOKENS")
            {
                var thoughts = response.UsageMetadata?.ThoughtsTokenCount ?? 0;
                failure = new SummaryFailure(FailureKind.AnswerTruncated,
                    $"The answer was cut off at maxOutputTokens ({maxOutputTokens}; thinking used {thoughts}) before the JSON was complete.");
                return false;
            }
            if (finishReason != "STOP")
            {
                var detail = string.IsNullOrEmpty(candidate.FinishMessage) ? string.Empty : ": " + candidate.FinishMessage;
                failure = new SummaryFailure(FailureKind.ResponseBlocked, $"Gemini stopped the answer with finishReason {finishReason}{detail}.");
                return false;
            }
            if (string.IsNullOrWhiteSpace(text))
            {
                failure = new SummaryFailure(FailureKind.EmptyAnswer, "Gemini finished (STOP) but the answer has no text parts.");
                return false;
            }
            return TryReadJson(StripCodeFence(text), out content, out failure);
        }

        private static string AnswerText(Candidate candidate)
        {
            var parts = candidate.Content?.Parts;
            if (parts == null) return string.Empty;
            var text = new StringBuilder();
            foreach (var part in parts)
            {
                if (part.Thought != true && part.Text != null) text.Append(part.Text);
            }
            return text.ToString();
        }

        private static string StripCodeFence(string text)
        {
            var trimmed = text.Trim();
            if (!trimmed.StartsWith("```", StringComparison.Ordinal)) return trimmed;
            var firstLineEnd = trimmed.IndexOf('\n');
            var lastFence = trimmed.LastIndexOf("```", StringComparison.Ordinal);
            return firstLineEnd > 0 && lastFence > firstLineEnd ? trimmed.Substring(firstLineEnd + 1, lastFence - firstLineEnd - 1).Trim() : trimmed;
        }

        private static bool TryReadJson(string json, out PostSummary content, out SummaryFailure? failure)
        {
            content = new PostSummary();
            failure = null;
            try
            {
                using var document = JsonDocument.Parse(json);
                var root = document.RootElement;
                if (root.ValueKind != JsonValueKind.Object)
                {
                    failure = new SummaryFailure(FailureKind.InvalidAnswer, $"The answer is JSON but a {root.ValueKind}, not an object.");
                    return false;
                }
                if (!root.TryGetProperty(SummarySchema.Summary, out _))
                {
                    failure = new SummaryFailure(FailureKind.InvalidAnswer, "The answer is a JSON object without the required 'summary' field.");
                    return false;
                }
                content = new PostSummary
                {
                    Title = Text(root, SummarySchema.Title),
                    Summary = Text(root, SummarySchema.Summary) ?? string.Empty,
                    Experiences = List(root, SummarySchema.Experiences),
                    Tips = List(root, SummarySchema.Tips),
                    Advice = List(root, SummarySchema.Advice),
                    Questions = List(root, SummarySchema.Questions),
                    Topics = List(root, SummarySchema.Topics),
                    Terms = List(root, SummarySchema.Terms),
                };
                return true;
            }
            catch (JsonException e)
            {
                failure = new SummaryFailure(FailureKind.InvalidAnswer, $"The answer is not valid JSON ({e.Message}): {Preview(json)}");
                return false;
            }
        }

        private static string? Text(JsonElement root, string name)
        {
            if (!root.TryGetProperty(name, out var value)) return null;
            var text = value.ValueKind == JsonValueKind.String ? value.GetString() : value.ValueKind == JsonValueKind.Null ? null : value.GetRawText();
            return string.IsNullOrWhiteSpace(text) ? null : text!.Trim();
        }

        private static string[] List(JsonElement root, string name)
        {
            if (!root.TryGetProperty(name, out var value)) return Array.Empty<string>();
            IEnumerable<JsonElement> items = value.ValueKind == JsonValueKind.Array ? value.EnumerateArray() : new[] { value };
            return items
                .Select(item => item.ValueKind == JsonValueKind.String ? item.GetString() : item.ValueKind == JsonValueKind.Null ? null : item.GetRawText())
                .Where(item => !string.IsNullOrWhiteSpace(item))
                .Select(item => item!.Trim())
                .ToArray();
        }

        private static string Preview(string text) => text.Length <= 120 ? text : text.Substring(0, 120) + "…";
    }
}
