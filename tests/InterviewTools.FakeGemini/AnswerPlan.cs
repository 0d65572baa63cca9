using System;
using System.Linq;

namespace InterviewTools.FakeGemini;

/// <summary>What a 200 generate reply contains once maxOutputTokens and thinking are applied.</summary>
internal sealed record AnswerPlan(
    int PromptTokens,
    int ThoughtTokens,
    string? ThoughtSummary,
    string? Text,
    string? FinishReason,
    bool KeepEmptyContent,
    string? BlockReason)
{
    /// <summary>usageMetadata.cachedContentTokenCount: the part of the prompt the server says its context cache served.</summary>
    public int CachedTokens { get; init; }

    public const int DefaultThoughtTokens = 48;
    public const string ThoughtSummaryText = "**Reading the request**\n\nWorking out what the answer should contain.";

    public static AnswerPlan For(FakeReply reply, GenerateCall call, FakeModel model, int cachedPromptTokens = 0) =>
        Plan(reply, call, model) with { CachedTokens = Math.Min(Math.Max(0, cachedPromptTokens), call.PromptTokens) };

    private static AnswerPlan Plan(FakeReply reply, GenerateCall call, FakeModel model)
    {
        if (reply.Kind == FakeReplyKind.Blocked)
        {
            return new AnswerPlan(call.PromptTokens, 0, null, null, null, false, reply.BlockReason);
        }

        int maxOutput = call.MaxOutputTokens ?? model.OutputTokenLimit;
        int thoughts = Math.Min(ThoughtTokensFor(call, model), Math.Max(0, maxOutput));
        string? summary = thoughts > 0 && call.Thinking.IncludeThoughts ? ThoughtSummaryText : null;

        if (reply.Kind == FakeReplyKind.Finish)
        {
            bool keepContent = reply.FinishReason is "STOP" or "MAX_TOKENS";
            return new AnswerPlan(call.PromptTokens, thoughts, summary, reply.Text, reply.FinishReason, keepContent, null);
        }

        var text = reply.Text ?? string.Empty;
        int room = Math.Max(0, maxOutput - thoughts);
        if (TokenCounter.Count(text) <= room)
        {
            return new AnswerPlan(call.PromptTokens, thoughts, summary, text, "STOP", true, null);
        }

        var truncated = TokenCounter.Truncate(text, room).TrimEnd();
        return new AnswerPlan(call.PromptTokens, thoughts, summary, truncated.Length == 0 ? null : truncated, "MAX_TOKENS", true, null);
    }

    public int CandidateTokens => TokenCounter.Count(Text);

    /// <summary>Thinking models think unless the budget is 0; a positive budget caps the thoughts.</summary>
    private static int ThoughtTokensFor(GenerateCall call, FakeModel model)
    {
        if (!model.Thinking || call.Thinking.Disabled)
        {
            return 0;
        }

        if (call.Thinking.Budget is > 0 and var budget)
        {
            return Math.Min(budget, DefaultThoughtTokens);
        }

        return call.Thinking.Level?.ToUpperInvariant() switch
        {
            "MINIMAL" => 8,
            "LOW" => 24,
            "HIGH" => 96,
            _ => DefaultThoughtTokens,
        };
    }
}
