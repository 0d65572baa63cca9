using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using InterviewTools.Engine;
using InterviewTools.Engine.Cache;
using InterviewTools.Engine.Common;

namespace InterviewTools.Hosting
{
    /// <summary>
    /// Tab completion from what the module can list: the configured chain, the ledger and config (keys, projects, models)
    /// and the result cache. A completer offers and never rejects, and never fails: state it cannot read offers nothing.
    /// </summary>
    public abstract class ListedValueCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            IEnumerable<string> values;
            try
            {
                values = Values().ToList();
            }
            catch (Exception)
            {
                values = Fallback();   // a broken config or unreadable state must not break the console's Tab
            }
            var typed = (wordToComplete ?? string.Empty).Trim('\'', '"');
            return values
                .Where(v => !string.IsNullOrEmpty(v) && v.StartsWith(typed, StringComparison.OrdinalIgnoreCase))
                .Distinct(StringComparer.OrdinalIgnoreCase)
                .Select(v => new CompletionResult(Quoted(v), v, CompletionResultType.ParameterValue, v));
        }

        protected abstract IEnumerable<string> Values();

        protected virtual IEnumerable<string> Fallback() => Enumerable.Empty<string>();

        internal static SummaryEngine OpenQuietly() =>
            SummaryEngine.Open(new EngineSettings { Use = EngineUse.Quota }, Environment.GetEnvironmentVariable, TimeProvider.System, QuietLog.Instance);

        private static string Quoted(string value) =>
            value.IndexOfAny(new[] { ' ', '\'', '"', '$', '`', '(', ')', '{', '}', ';', ',', '&', '|', '@', '#' }) < 0 ? value : "'" + value.Replace("'", "''") + "'";

        private protected sealed class QuietLog : IEngineLog
        {
            public static readonly QuietLog Instance = new QuietLog();

            public void Verbose(string message)
            {
            }

            public void Warning(string message)
            {
            }

            public void Waiting(string what, DateTimeOffset until)
            {
            }

            public void ConfigProblem(string configFile, string problem)
            {
            }
        }
    }

    /// <summary>The configured chain in order of preference, then every other model the ledger knows; Gemini's ids change often, so any id is accepted.</summary>
    public sealed class ModelCompleter : ListedValueCompleter
    {
        protected override IEnumerable<string> Values()
        {
            var engine = OpenQuietly();
            return engine.Models.Concat(engine.QuotaReport().Select(r => r.Model));
        }

        protected override IEnumerable<string> Fallback() => SummaryEngine.DefaultModels;
    }

    /// <summary>The fingerprints of the keys in the ledger and the configuration.</summary>
    public sealed class KeyIdCompleter : ListedValueCompleter
    {
        protected override IEnumerable<string> Values() => OpenQuietly().QuotaReport().Select(r => r.KeyId);
    }

    /// <summary>The project labels in the ledger and the configuration.</summary>
    public sealed class ProjectCompleter : ListedValueCompleter
    {
        protected override IEnumerable<string> Values() => OpenQuietly().QuotaReport().Select(r => r.Project);
    }

    /// <summary>The sources of the summaries in the result cache.</summary>
    public sealed class CacheSourceCompleter : ListedValueCompleter
    {
        protected override IEnumerable<string> Values() =>
            ResultCache.Open(Environment.GetEnvironmentVariable, QuietLog.Instance).List().Select(e => e.Entry?.Source ?? string.Empty);
    }
}
