using System;
using System.Collections.Generic;
using System.Text;

namespace InterviewTools.Engine.Offline
{
    /// <summary>
    /// TextRank over sentences: PageRank on a graph whose edge weights are the sentences' shared tokens divided by
    /// ln(1+|A|) + ln(1+|B|) (Mihalcea and Tarau, 2004). The best 2–4 sentences, by how many the post has, are kept in
    /// post order. Only the first <see cref="MaxSentences"/> candidates are ranked, which bounds the quadratic graph on
    /// very long posts; ties go to the earlier sentence, so the result is deterministic.
    /// </summary>
    internal static class TextRank
    {
        public const int MaxSentences = 200;
        private const int MinHalfUnits = 16;
        private const double Damping = 0.85;
        private const int MaxIterations = 50;
        private const double Tolerance = 1e-6;

        public static string Summarize(List<string> candidates)
        {
            var sentences = new List<string>();
            foreach (var candidate in candidates)
            {
                if (sentences.Count == MaxSentences) break;
                if (TextWidth.HalfUnits(candidate) >= MinHalfUnits) sentences.Add(candidate);
            }
            if (sentences.Count == 0) return string.Empty;

            var scores = Rank(sentences);
            var keep = Math.Min(sentences.Count, sentences.Count <= 8 ? 2 : sentences.Count <= 20 ? 3 : 4);
            var chosen = new bool[sentences.Count];
            for (var k = 0; k < keep; k++)
            {
                var best = -1;
                for (var i = 0; i < scores.Length; i++)
                {
                    if (!chosen[i] && (best < 0 || scores[i] > scores[best])) best = i;
                }
                chosen[best] = true;
            }
            return Join(sentences, chosen);
        }

        private static double[] Rank(List<string> sentences)
        {
            var n = sentences.Count;
            var scratch = new List<long>();
            var tokens = new long[n][];
            for (var i = 0; i < n; i++) tokens[i] = SimilarityTokens.Of(sentences[i], scratch);

            // Jagged rows stay small objects; one n×n array of 200 sentences would land on the large object heap.
            var weights = new double[n][];
            for (var i = 0; i < n; i++) weights[i] = new double[n];
            var outWeight = new double[n];
            for (var i = 0; i < n; i++)
            {
                for (var j = i + 1; j < n; j++)
                {
                    var shared = SimilarityTokens.Overlap(tokens[i], tokens[j]);
                    if (shared == 0) continue;
                    var weight = shared / (Math.Log(1 + tokens[i].Length) + Math.Log(1 + tokens[j].Length));
                    weights[i][j] = weights[j][i] = weight;
                    outWeight[i] += weight;
                    outWeight[j] += weight;
                }
            }

            // Personalised PageRank: the random jump favours sentences with more to say (sqrt of their token count),
            // so a short list item that merely shares a common bigram such as 模型 does not outrank the post's gist.
            var prior = new double[n];
            var priorSum = 0.0;
            for (var i = 0; i < n; i++) priorSum += prior[i] = Math.Sqrt(tokens[i].Length + 1);
            for (var i = 0; i < n; i++) prior[i] = prior[i] * n / priorSum;

            var scores = new double[n];
            var next = new double[n];
            for (var i = 0; i < n; i++) scores[i] = 1;
            for (var iteration = 0; iteration < MaxIterations; iteration++)
            {
                var change = 0.0;
                for (var i = 0; i < n; i++)
                {
                    var sum = 0.0;
                    for (var j = 0; j < n; j++)
                    {
                        var weight = weights[j][i];
                        if (weight > 0) sum += weight / outWeight[j] * scores[j];
                    }
                    next[i] = (1 - Damping) * prior[i] + Damping * sum;
                    change += Math.Abs(next[i] - scores[i]);
                }
                var swap = scores;
                scores = next;
                next = swap;
                if (change < Tolerance) break;
            }
            return scores;
        }

        /// <summary>Chosen sentences in post order, each closed with 。 or . if the post left it open (list items usually are).</summary>
        private static string Join(List<string> sentences, bool[] chosen)
        {
            var summary = new StringBuilder();
            for (var i = 0; i < sentences.Count; i++)
            {
                if (!chosen[i]) continue;
                var sentence = sentences[i];
                var last = sentence[sentence.Length - 1];
                if (summary.Length > 0 && summary[summary.Length - 1] < '\u2E80') summary.Append(' ');
                summary.Append(sentence);
                if (!TextWidth.IsSentenceEnd(last) && last != '.') summary.Append(TextWidth.MostlyCjk(sentence) ? '。' : '.');
            }
            return summary.ToString();
        }
    }
}
