using System.Collections.Generic;

namespace InterviewTools.Engine.Config
{
    internal static class ModelCatalog
    {
        /// <summary>
        /// Current free-tier Flash models, most capable first (as observed in 2026-11).
        /// Model ids change every few months: this list is the one place to update.
        /// </summary>
        public static readonly IReadOnlyList<string> DefaultChain = new[]
        {
            "gemini-3.5-flash",
            "gemini-3.1-flash-lite",
            "gemini-3.5-flash-lite",
        };
    }
}
