using System;
using System.Collections.Generic;
using System.Linq;
using InterviewTools.Engine.Common;
using InterviewTools.Engine.Config;

namespace InterviewTools.Engine.Rotation
{
    /// <summary>
    /// Gathers the key pool. -ApiKey replaces every other source; otherwise the pool is the union of $env:GEMINI_API_KEYS,
    /// GEMINI_API_KEY, GOOGLE_API_KEY and the config file, each key once (by fingerprint) under the first project label it was given.
    /// </summary>
    internal static class KeyPoolBuilder
    {
        public const string ListVariable = "GEMINI_API_KEYS";
        public const string ParameterOrigin = "-ApiKey";

        /// <summary>The variables that hold one key each, in the order the Gemini SDKs read them.</summary>
        public static readonly IReadOnlyList<string> SingleKeyVariables = new[] { "GEMINI_API_KEY", "GOOGLE_API_KEY" };

        private static readonly char[] ListSeparators = { ',', ';', '\r', '\n' };

        public static KeyPool Build(IReadOnlyList<string>? explicitKeys, Func<string, string?> environment, InterviewToolsConfig config)
        {
            var pool = new Gathering();
            if (explicitKeys != null && explicitKeys.Count > 0)
            {
                for (var i = 0; i < explicitKeys.Count; i++) pool.AddList(explicitKeys[i] ?? string.Empty, ParameterOrigin, explicitKeys.Count == 1 ? ParameterOrigin : $"{ParameterOrigin} value {i + 1}");
                pool.Notes.Add($"{ParameterOrigin} was given, so keys from the environment and the config file are not used.");
                return pool.ToPool();
            }
            pool.AddList(environment(ListVariable) ?? string.Empty, "$env:" + ListVariable, "$env:" + ListVariable);
            foreach (var variable in SingleKeyVariables)
            {
                var value = environment(variable);
                if (value != null) pool.Add(value, "$env:" + variable, "$env:" + variable);
            }
            foreach (var configured in config.Keys) pool.Add(configured.Key, configured.Project, configured.Origin);
            return pool.ToPool();
        }

        private sealed class Gathering
        {
            private readonly List<(ApiKey Key, string? Project, string Origin)> _keys = new List<(ApiKey, string?, string)>();

            public List<string> Notes { get; } = new List<string>();

            private List<string> Warnings { get; } = new List<string>();

            public void AddList(string list, string origin, string place)
            {
                var entries = list.Split(ListSeparators);
                var position = 0;
                foreach (var entry in entries.Where(e => e.Trim().Length > 0))
                {
                    position++;
                    Add(entry, origin, entries.Length > 1 ? $"entry {position} of {place}" : place);
                }
            }

            public void Add(string text, string origin, string place)
            {
                var parsed = KeyEntry.Parse(text, out var problem);
                if (parsed != null) Add(ApiKey.FromPlainText(parsed.Key), parsed.Project, origin);
                else if (problem != null) Warnings.Add($"{Capitalised(place)} is skipped: {problem}.");
            }

            public void Add(ApiKey key, string? project, string origin)
            {
                var index = _keys.FindIndex(k => k.Key.Fingerprint == key.Fingerprint);
                if (index < 0)
                {
                    _keys.Add((key, project, origin));
                    return;
                }
                var first = _keys[index];
                if (first.Project == null && project != null)
                {
                    _keys[index] = (first.Key, project, first.Origin);
                }
                else if (first.Project != null && project != null && !string.Equals(first.Project, project, StringComparison.Ordinal))
                {
                    Warnings.Add($"{key.Fingerprint} is labelled '{first.Project}' in {first.Origin} and '{project}' in {origin}; it stays in project '{first.Project}'.");
                    return;
                }
                Notes.Add($"{key.Fingerprint} from {origin} is already in the pool from {first.Origin}; it is used once.");
            }

            public KeyPool ToPool()
            {
                var keys = _keys.Select(k => new PooledKey(k.Key, k.Project, k.Origin)).ToList();
                foreach (var key in keys) Notes.Add($"{key.Key.Fingerprint} (project {key.Project}) from {key.Origin}.");
                return new KeyPool(keys, Notes, Warnings);
            }

            private static string Capitalised(string text) => char.ToUpperInvariant(text[0]) + text.Substring(1);
        }
    }
}
