using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using InterviewTools.Engine.Cache;

namespace InterviewTools.Hosting
{
    /// <summary>The -Source, -Before, -After and -Fallback filters that Get- and Clear-PostSummaryCache share.</summary>
    internal sealed class CacheEntryFilter
    {
        private readonly (string Text, WildcardPattern Pattern)[] _sources;
        private readonly HashSet<string> _matchedSources = new HashSet<string>(StringComparer.Ordinal);
        private readonly DateTimeOffset? _before;
        private readonly DateTimeOffset? _after;
        private readonly bool _fallbackOnly;

        public CacheEntryFilter(string[]? sources, DateTime? before, DateTime? after, bool fallbackOnly)
        {
            _sources = (sources ?? Array.Empty<string>()).Select(s => (s, new WildcardPattern(s, WildcardOptions.IgnoreCase))).ToArray();
            _before = before.HasValue ? new DateTimeOffset(before.Value) : (DateTimeOffset?)null;
            _after = after.HasValue ? new DateTimeOffset(after.Value) : (DateTimeOffset?)null;
            _fallbackOnly = fallbackOnly;
        }

        /// <summary>No filter at all: the command means the whole cache, unreadable entries included.</summary>
        public bool SelectsEverything => _sources.Length == 0 && _before == null && _after == null && !_fallbackOnly;

        /// <summary>A -Source pattern matches the full source or just its file name, so "rag-*.txt" works without the folder.</summary>
        public bool Matches(CacheFile file)
        {
            if (file.Entry == null) return SelectsEverything;
            var entry = file.Entry;
            if (_fallbackOnly && !entry.Fallback) return false;
            if (_before != null && entry.CachedAt >= _before) return false;
            if (_after != null && entry.CachedAt <= _after) return false;
            if (_sources.Length == 0) return true;
            var name = SafeFileName(entry.Source);
            var matched = false;
            foreach (var (text, pattern) in _sources)
            {
                if (!pattern.IsMatch(entry.Source) && !(name != null && pattern.IsMatch(name))) continue;
                _matchedSources.Add(text);
                matched = true;
            }
            return matched;
        }

        /// <summary>-Source values without wildcards that named no entry: those are reported, as Get-Process does for a name it cannot find.</summary>
        public IEnumerable<string> UnmatchedLiteralSources() =>
            _sources.Where(s => !WildcardPattern.ContainsWildcardCharacters(s.Text) && !_matchedSources.Contains(s.Text)).Select(s => s.Text);

        private static string? SafeFileName(string source)
        {
            try
            {
                return Path.GetFileName(source);
            }
            catch (ArgumentException)
            {
                return null;
            }
        }
    }
}
