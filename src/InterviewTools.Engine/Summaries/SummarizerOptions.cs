using System;
using System.Collections.Generic;
using InterviewTools.Engine.Config;

namespace InterviewTools.Engine.Summaries
{
    internal sealed class SummarizerOptions
    {
        public const int DefaultMaxOutputTokens = 8192;
        public const int FallbackInputTokenLimit = 1_048_576;

        /// <summary>The model chain, most preferred first.</summary>
        public IReadOnlyList<string> Models { get; set; } = ModelCatalog.DefaultChain;
        public string Prompt { get; set; } = SummaryPrompt.Default;
        public int MaxOutputTokens { get; set; } = DefaultMaxOutputTokens;
        /// <summary>Null leaves the model's default: Google advises against lowering it for Gemini 3 models.</summary>
        public double? Temperature { get; set; }
        public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(120);
        public int MaxRetries { get; set; } = 3;
        public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);
        public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromSeconds(30);

        /// <summary>Paid prices per model, for each post's Cost and WouldCost.</summary>
        public PriceTable Prices { get; set; } = PriceTable.Default;

        /// <summary>How long a request may wait for quota to return before its post is deferred.</summary>
        public TimeSpan MaxWait { get; set; } = DefaultMaxWait;

        public static readonly TimeSpan DefaultMaxWait = TimeSpan.FromSeconds(90);
    }
}
