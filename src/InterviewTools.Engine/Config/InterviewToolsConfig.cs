using System;
using System.Collections.Generic;
using InterviewTools.Engine.Common;
using InterviewTools.Engine.Gemini;

namespace InterviewTools.Engine.Config
{
    /// <summary>
    /// The settings of config.yaml. Everything is optional: an absent setting is null or empty, and the caller falls back to
    /// parameters first, then the environment, then this file, then the built-in default.
    /// </summary>
    internal sealed class InterviewToolsConfig
    {
        /// <summary>The range -ThrottleLimit accepts, so the file cannot ask for more.</summary>
        public const int MaxThrottleLimit = 32;

        /// <summary>A day: quota never takes longer than that to return.</summary>
        public const int MaxWaitSecLimit = 86_400;

        public static InterviewToolsConfig Empty { get; } = new InterviewToolsConfig();

        /// <summary>The file the settings came from; null when there was none.</summary>
        public string? Path { get; internal set; }

        /// <summary>The base URL, already checked with <see cref="GeminiEndpoint.Parse"/>.</summary>
        public string? Endpoint { get; internal set; }

        /// <summary>The ordered model chain; empty when the file sets none.</summary>
        public IReadOnlyList<string> Models { get; internal set; } = Array.Empty<string>();

        public IReadOnlyList<ConfiguredKey> Keys { get; internal set; } = Array.Empty<ConfiguredKey>();

        /// <summary>Per-model limits (bare model ids), to be laid over the built-in defaults.</summary>
        public IReadOnlyDictionary<string, QuotaLimits> Limits { get; internal set; } = new Dictionary<string, QuotaLimits>(StringComparer.OrdinalIgnoreCase);

        /// <summary>False on a paid tier: do not assume the free tier's limits for models the file does not list.</summary>
        public bool BuiltInLimits { get; internal set; } = true;

        /// <summary>Per-model paid prices (bare model ids) that replace the built-in table's.</summary>
        public IReadOnlyDictionary<string, ModelPrice> Prices { get; internal set; } = new Dictionary<string, ModelPrice>(StringComparer.OrdinalIgnoreCase);

        public int? MaxWaitSec { get; internal set; }

        public int? ThrottleLimit { get; internal set; }

        /// <summary>Where the quota ledger lives: "file" (the default) or a redis:// or rediss:// URL; checked when the engine opens it.</summary>
        public string? Ledger { get; internal set; }

        /// <summary>Where finished summaries are shared: "file" (this machine's cache alone) or a redis:// or rediss:// URL.</summary>
        public string? Cache { get; internal set; }

        /// <summary>The variable that names the shared result cache; it wins over the file's cache setting.</summary>
        public const string CacheVariable = "INTERVIEWTOOLS_CACHE";

        /// <summary>
        /// $env:INTERVIEWTOOLS_CACHE, else the file's cache setting, else the ledger's Redis server (machines that share quota
        /// share summaries too); null when summaries stay in this machine's cache alone.
        /// </summary>
        public string? ResolveCache(Func<string, string?> environment)
        {
            var setting = environment(CacheVariable);
            if (string.IsNullOrWhiteSpace(setting)) setting = Cache;
            if (string.IsNullOrWhiteSpace(setting)) return ResolveLedger(environment);
            return string.Equals(setting!.Trim(), "file", StringComparison.OrdinalIgnoreCase) ? null : setting.Trim();
        }

        /// <summary>The variable that names the ledger store; it wins over the file's ledger setting.</summary>
        public const string LedgerVariable = "INTERVIEWTOOLS_LEDGER";

        /// <summary>$env:INTERVIEWTOOLS_LEDGER, else the file's ledger setting, else null for the local file.</summary>
        public string? ResolveLedger(Func<string, string?> environment)
        {
            var setting = environment(LedgerVariable);
            if (string.IsNullOrWhiteSpace(setting)) setting = Ledger;
            return string.IsNullOrWhiteSpace(setting) || string.Equals(setting!.Trim(), "file", StringComparison.OrdinalIgnoreCase) ? null : setting.Trim();
        }

        /// <summary>The environment variable wins over the file, as it does for every other Gemini tool that reads it.</summary>
        public GeminiEndpoint ResolveEndpoint(Func<string, string?> environment)
        {
            var fromEnvironment = environment(GeminiEndpoint.BaseUrlVariable);
            return GeminiEndpoint.Parse(string.IsNullOrWhiteSpace(fromEnvironment) ? Endpoint : fromEnvironment);
        }

        /// <summary>-Model when given, else the file's chain, else the built-in chain.</summary>
        public IReadOnlyList<string> ResolveModels(IReadOnlyList<string>? parameter) =>
            parameter != null && parameter.Count > 0 ? parameter
            : Models.Count > 0 ? Models
            : ModelCatalog.DefaultChain;
    }
}
