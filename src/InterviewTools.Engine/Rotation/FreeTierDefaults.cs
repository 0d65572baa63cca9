using System;
using System.Collections.Generic;
using InterviewTools.Engine.Common;

namespace InterviewTools.Engine.Rotation
{
    /// <summary>
    /// Free-tier limits per project and model as observed in 2026 (shared/docs/gemini-models-and-quotas.md §4). Google no longer
    /// publishes them, so they only seed the pacing: configuration overrides them and a 429's quotaValue corrects them.
    /// </summary>
    internal static class FreeTierDefaults
    {
        /// <summary>No free tier allows more requests per minute than this, so a route that took more is a paid one.</summary>
        public const int HighestRequestsPerMinute = 15;

        private static readonly Dictionary<string, QuotaLimits> ByModel = new Dictionary<string, QuotaLimits>(StringComparer.OrdinalIgnoreCase)
        {
            ["gemini-3.5-flash"] = Limits(5, 250_000, 20),
            ["gemini-3.1-flash-lite"] = Limits(15, 250_000, 500),
            ["gemini-3.5-flash-lite"] = Limits(10, 250_000, 20),
            ["gemini-2.5-flash"] = Limits(5, 250_000, 20),
            ["gemini-2.5-flash-lite"] = Limits(10, 250_000, 20),
        };

        public static QuotaLimits? For(string model) => ByModel.TryGetValue(model, out var limits) ? limits.Clone() : null;

        private static QuotaLimits Limits(int rpm, long tpm, int rpd) =>
            new QuotaLimits { RequestsPerMinute = rpm, InputTokensPerMinute = tpm, RequestsPerDay = rpd };
    }
}
