using System;
using System.Collections.Generic;

namespace InterviewTools.Engine.Config
{
    /// <summary>A model's paid-tier price in US dollars per million tokens, and where the figures come from.</summary>
    internal sealed class ModelPrice
    {
        public ModelPrice(decimal input, decimal output, decimal cached, string source)
        {
            Input = input;
            Output = output;
            Cached = cached;
            Source = source;
        }

        /// <summary>Input (prompt) tokens not served from the context cache.</summary>
        public decimal Input { get; }

        /// <summary>Answer and thinking tokens alike: Gemini bills thinking as output.</summary>
        public decimal Output { get; }

        /// <summary>Input tokens served from the context cache (cachedContentTokenCount).</summary>
        public decimal Cached { get; }

        public string Source { get; }

        /// <summary>
        /// What one answer costs. promptTokenCount includes the cached tokens, so they are taken out of the input and billed at the
        /// cache rate; thinking tokens are billed as output.
        /// </summary>
        public decimal Of(long input, long cached, long output, long thinking) =>
            (Math.Max(0, input - cached) * Input + cached * Cached + (output + thinking) * Output) / 1_000_000m;
    }

    /// <summary>
    /// The one price table: paid-tier text prices per model (prompts up to 200k tokens), overridden per model by config.yaml's
    /// prices. Google changes prices without notice, so every figure names its source and date.
    /// </summary>
    internal sealed class PriceTable
    {
        /// <summary>When the built-in figures were read.</summary>
        public const string AsOf = "2025-12";

        private const string Published = "ai.google.dev/gemini-api/docs/pricing, read " + AsOf;

        private static readonly Dictionary<string, ModelPrice> BuiltIn = new Dictionary<string, ModelPrice>(StringComparer.OrdinalIgnoreCase)
        {
            ["gemini-2.5-pro"] = new ModelPrice(1.25m, 10.00m, 0.125m, Published),
            ["gemini-2.5-flash"] = new ModelPrice(0.30m, 2.50m, 0.03m, Published),
            ["gemini-2.5-flash-lite"] = new ModelPrice(0.10m, 0.40m, 0.01m, Published),
            ["gemini-3-pro-preview"] = new ModelPrice(2.00m, 12.00m, 0.20m, Published),
            ["gemini-3-flash-preview"] = new ModelPrice(0.50m, 3.00m, 0.05m, Published),
            // Not on the price page as read: assumed to cost what the model they follow costs until config.yaml says otherwise.
            ["gemini-3.5-flash"] = new ModelPrice(0.50m, 3.00m, 0.05m, "assumed: gemini-3-flash-preview's price (" + Published + ")"),
            ["gemini-3.1-flash-lite"] = new ModelPrice(0.10m, 0.40m, 0.01m, "assumed: gemini-2.5-flash-lite's price (" + Published + ")"),
            ["gemini-3.5-flash-lite"] = new ModelPrice(0.10m, 0.40m, 0.01m, "assumed: gemini-2.5-flash-lite's price (" + Published + ")"),
        };

        private readonly IReadOnlyDictionary<string, ModelPrice> _configured;

        public PriceTable(IReadOnlyDictionary<string, ModelPrice>? configured = null)
        {
            _configured = configured ?? new Dictionary<string, ModelPrice>(StringComparer.OrdinalIgnoreCase);
        }

        public static PriceTable Default { get; } = new PriceTable();

        /// <summary>config.yaml's price for the model, else the built-in one, else null (its cost is then reported as 0).</summary>
        public ModelPrice? For(string model) =>
            _configured.TryGetValue(model, out var configured) ? configured
            : BuiltIn.TryGetValue(model, out var known) ? known
            : null;
    }
}
