using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;

namespace InterviewTools.Hosting
{
    /// <summary>
    /// Rebuilds a PostSummary from one document as Export-PostSummary wrote it. Every settable property is read back by
    /// name (exact case first, then any case) with the format the exporter wrote, so export then import is lossless.
    /// A missing property keeps its default, so older files still load; unknown keys are ignored, so newer ones do too.
    /// Source is required (as text): without it the document is not a PostSummary.
    /// </summary>
    internal static class PostSummaryFromYaml
    {
        private static readonly PropertyInfo[] Settable =
            typeof(PostSummary).GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanRead && p.CanWrite).ToArray();

        public static PostSummary? Create(object? document, out string? problem)
        {
            problem = null;
            if (!(document is List<KeyValuePair<string, object?>> pairs))
            {
                problem = "it is not a mapping of PostSummary properties";
                return null;
            }
            if (!(Find(pairs, nameof(PostSummary.Source), out var source) && source is string))
            {
                problem = "it has no Source, so it is not a PostSummary";
                return null;
            }
            var summary = new PostSummary();
            foreach (var property in Settable)
            {
                if (!Find(pairs, property.Name, out var value)) continue;
                if (property.Name == nameof(PostSummary.Status) && IsOldCachedStatus(value))
                {
                    summary.FromCache = true;
                    continue;
                }
                if (!YamlValueConverter.TryConvert(value, property.PropertyType, out var converted, out var expected))
                {
                    problem = $"its {property.Name} should be {expected}, not {Describe(value)}";
                    return null;
                }
                property.SetValue(summary, converted);
            }
            return summary;
        }

        /// <summary>
        /// A run's RunSummary that Export-PostSummary wrote as a document of its own beside the summaries: it names no Source and
        /// has the summary's counters. Import-PostSummary passes over it rather than calling it a broken PostSummary.
        /// </summary>
        public static bool IsRunSummary(object? document) =>
            document is List<KeyValuePair<string, object?>> pairs
            && !Find(pairs, nameof(PostSummary.Source), out _)
            && Find(pairs, nameof(RunSummary.RequestsSent), out _)
            && Find(pairs, nameof(RunSummary.QuotaLeft), out _);

        /// <summary>Files written before FromCache existed say Status Cached for a record a rerun took from the cache.</summary>
        private static bool IsOldCachedStatus(object? value) => value is string text && string.Equals(text.Trim(), "Cached", StringComparison.OrdinalIgnoreCase);

        private static bool Find(List<KeyValuePair<string, object?>> pairs, string name, out object? value)
        {
            foreach (var comparison in new[] { StringComparison.Ordinal, StringComparison.OrdinalIgnoreCase })
            {
                foreach (var pair in pairs)
                {
                    if (!string.Equals(pair.Key, name, comparison)) continue;
                    value = pair.Value;
                    return true;
                }
            }
            value = null;
            return false;
        }

        private static string Describe(object? value) => value switch
        {
            null => "null",
            string text => "'" + (text.Length > 40 ? text.Substring(0, 40) + "…" : text) + "'",
            List<KeyValuePair<string, object?>> _ => "a mapping",
            _ => "a list",
        };
    }
}
