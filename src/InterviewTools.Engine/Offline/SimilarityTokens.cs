using System;
using System.Collections.Generic;

namespace InterviewTools.Engine.Offline
{
    /// <summary>
    /// The words two sentences can share, as sorted distinct numbers: each pair of adjacent CJK characters (a bigram
    /// stands in for a word, so no segmenter dictionary is needed) and each Latin word or number, lower-cased, minus
    /// English stop words. Numbers instead of strings keep the ranking free of per-word allocations.
    /// </summary>
    internal static class SimilarityTokens
    {
        private const long LatinTag = 1L << 62;
        private static readonly HashSet<long> StopWords = StopWordHashes(
            "the", "an", "and", "or", "of", "to", "in", "on", "at", "for", "with", "is", "are", "was", "were", "be", "it", "its",
            "this", "that", "as", "by", "from", "do", "does", "did", "you", "your", "we", "they", "them", "their", "my", "me",
            "not", "but", "so", "if", "then", "than", "can", "will", "would", "what", "how", "why", "when", "which", "who");

        public static long[] Of(string text, List<long> scratch)
        {
            scratch.Clear();
            var i = 0;
            while (i < text.Length)
            {
                var c = text[i];
                if (TextWidth.IsCjk(c))
                {
                    if (i + 1 < text.Length && TextWidth.IsCjk(text[i + 1])) scratch.Add(((long)c << 16) | text[i + 1]);
                    i++;
                }
                else if (IsLatinOrDigit(c))
                {
                    var start = i;
                    while (i < text.Length && IsLatinOrDigit(text[i])) i++;
                    var hash = Hash(text, start, i);
                    if (i - start >= 2 && !StopWords.Contains(hash)) scratch.Add(hash);
                }
                else i++;
            }
            return SortedDistinct(scratch);
        }

        /// <summary>How many tokens two sorted arrays share.</summary>
        public static int Overlap(long[] a, long[] b)
        {
            int i = 0, j = 0, shared = 0;
            while (i < a.Length && j < b.Length)
            {
                if (a[i] == b[j]) { shared++; i++; j++; }
                else if (a[i] < b[j]) i++;
                else j++;
            }
            return shared;
        }

        private static long[] SortedDistinct(List<long> tokens)
        {
            if (tokens.Count == 0) return Array.Empty<long>();
            tokens.Sort();
            var distinct = 1;
            for (var k = 1; k < tokens.Count; k++) if (tokens[k] != tokens[k - 1]) distinct++;
            var result = new long[distinct];
            result[0] = tokens[0];
            var r = 1;
            for (var k = 1; k < tokens.Count; k++) if (tokens[k] != tokens[k - 1]) result[r++] = tokens[k];
            return result;
        }

        private static bool IsLatinOrDigit(char c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');

        /// <summary>FNV-1a over the lower-cased word, tagged so it can never equal a CJK bigram.</summary>
        private static long Hash(string text, int start, int end)
        {
            var hash = 14695981039346656037UL;
            for (var k = start; k < end; k++)
            {
                var c = text[k];
                if (c >= 'A' && c <= 'Z') c = (char)(c + 32);
                hash = (hash ^ c) * 1099511628211UL;
            }
            return (long)(hash & (ulong)(LatinTag - 1)) | LatinTag;
        }

        private static HashSet<long> StopWordHashes(params string[] words)
        {
            var set = new HashSet<long>();
            foreach (var word in words) set.Add(Hash(word, 0, word.Length));
            return set;
        }
    }
}
