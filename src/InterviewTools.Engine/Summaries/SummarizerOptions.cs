using System;

namespace InterviewTools.Engine.Summaries
{
    public sealed class SummarizerOptions
    {
        public const int DefaultMaxOutputTokens = 8192;
        public const int FallbackInputTokenLimit = 1_048_576;

        public string Model { get; set; } = ModelCatalog.DefaultChain[0];
        public string Prompt { get; set; } = SummaryPrompt.Default;
        public int MaxOutputTokens { get; set; } = DefaultMaxOutputTokens;
        /// <summary>Null leaves the model's default: Google advises against lowering it for Gemini 3 models.</summary>
        public double? Temperature { get; set; }
        public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(120);
        public int MaxRetries { get; set; } = 3;
        public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);
        public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromSeconds(30);
    }
}
