using System.Collections.Generic;
using System.Text;
using System.Text.RegularExpressions;

namespace InterviewTools.Engine.Tests.Offline
{
    /// <summary>Precision and recall of one field, summed over posts (micro-averaged).</summary>
    public sealed class FieldScore
    {
        private static readonly Regex Numbering = new Regex(@"^(?:\d{1,3}[.、)）]|[(（]\d{1,3}[)）]|[\u2460-\u2473]|Q\d{1,3}[:：.])\s*");

        public FieldScore(string field) => Field = field;

        public string Field { get; }
        public int Expected { get; private set; }
        public int Extracted { get; private set; }
        public int Matched { get; private set; }
        public List<string> Misses { get; } = new List<string>();

        public double Precision => Extracted == 0 ? 1 : (double)Matched / Extracted;
        public double Recall => Expected == 0 ? 1 : (double)Matched / Expected;

        /// <summary>Counts one post; each expected item can match one extracted item.</summary>
        public void Add(string post, IEnumerable<string> expected, IEnumerable<string> extracted)
        {
            var pool = new List<string>();
            foreach (var item in extracted)
            {
                pool.Add(Normalize(item));
                Extracted++;
            }
            var unmatched = new List<string>(pool);
            foreach (var item in expected)
            {
                Expected++;
                if (unmatched.Remove(Normalize(item))) Matched++;
                else Misses.Add($"{post}: missed   {item}");
            }
            foreach (var item in unmatched) Misses.Add($"{post}: spurious {item}");
        }

        /// <summary>Trim, drop numbering, drop punctuation and symbols at both ends, ignore case.</summary>
        public static string Normalize(string text)
        {
            var trimmed = Numbering.Replace(text.Trim(), string.Empty);
            int start = 0, end = trimmed.Length;
            while (start < end && IsEdge(trimmed[start])) start++;
            while (end > start && IsEdge(trimmed[end - 1])) end--;
            return trimmed.Substring(start, end - start).ToLowerInvariant();
        }

        private static bool IsEdge(char c) => char.IsWhiteSpace(c) || char.IsPunctuation(c) || char.IsSymbol(c);

        public string Line() => $"{Field,-12} precision {Precision:0.00} ({Matched}/{Extracted})  recall {Recall:0.00} ({Matched}/{Expected})";

        public static string Table(IEnumerable<FieldScore> scores)
        {
            var text = new StringBuilder();
            foreach (var score in scores) text.AppendLine(score.Line());
            return text.ToString();
        }
    }
}
