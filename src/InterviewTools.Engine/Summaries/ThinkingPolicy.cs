using System;
using InterviewTools.Engine.Gemini;
using InterviewTools.Engine.Gemini.Wire;

namespace InterviewTools.Engine.Summaries
{
    /// <summary>
    /// Summaries need no reasoning, and on 2.5 models thinking tokens count against maxOutputTokens,
    /// so ask each family for the least thinking it accepts.
    /// </summary>
    internal static class ThinkingPolicy
    {
        public static ThinkingConfig? Minimal(string model)
        {
            var id = ModelId.Bare(model).ToLowerInvariant();
            if (id.StartsWith("gemini-2.5-pro", StringComparison.Ordinal)) return new ThinkingConfig { ThinkingBudget = 128 };
            if (id.StartsWith("gemini-2.5-", StringComparison.Ordinal)) return new ThinkingConfig { ThinkingBudget = 0 };
            if (id.StartsWith("gemini-3", StringComparison.Ordinal))
            {
                return new ThinkingConfig { ThinkingLevel = id.Contains("-pro") ? "LOW" : "MINIMAL" };
            }
            return null;
        }
    }
}
