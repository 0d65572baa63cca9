using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace InterviewTools.Engine.Offline
{
    /// <summary>
    /// Technical terms and acronyms, from Latin tokens (parts joined by '-' or '.'):
    /// <list type="bullet">
    /// <item>anywhere, a token that mixes letters and digits (Qwen2.5, R1, bge-m3) or has a capital after a part's first
    /// letter or after a hyphen (GQA, RoPE, LoRA, vLLM, DeepSeekV3, Self-Attention, Q-Former);</item>
    /// <item>next to Chinese characters, where Latin words are nearly always names, also a capitalised word (Transformer,
    /// Agent) and a run of capitalised words joined by spaces as one term (KV Cache, Tensor Parallel, Ring Attention),
    /// unless every word of the run is a term by itself (DeepSpeed ZeRO stays two).</item>
    /// </list>
    /// Lower-case words (softmax, prefill) and capitalised words in English prose are left out: without a dictionary
    /// they cannot be told from ordinary words. So are everyday acronyms (AI, OK, HR, JD…) and their inflections (DMing).
    /// The first spelling wins; repeats are matched without regard to case.
    /// </summary>
    internal static class TermExtractor
    {
        private const int MaxLength = 40;
        private static readonly Regex Token = new Regex(@"(?<![A-Za-z0-9])[A-Za-z][A-Za-z0-9]*(?:[-.][A-Za-z0-9]+)*", RegexOptions.Compiled);
        private static readonly HashSet<string> Everyday = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "AI", "OK", "HR", "ID", "PS", "OC", "PM", "AM", "IT", "TV", "UP", "NO", "YES", "VS", "ETC", "DM", "APP", "PPT", "PDF", "JD",
        };

        public static void Collect(string text, ItemList terms)
        {
            var run = new List<string>();
            int runStart = 0, runEnd = -1;
            for (var match = Token.Match(text); match.Success; match = match.NextMatch())
            {
                if (run.Count > 0 && !OnlySpacesBetween(text, runEnd, match.Index))
                {
                    Flush(run, NextToChinese(text, runStart, runEnd), terms);
                }
                if (run.Count == 0) runStart = match.Index;
                run.Add(match.Value);
                runEnd = match.Index + match.Length;
            }
            if (run.Count > 0) Flush(run, NextToChinese(text, runStart, runEnd), terms);
        }

        private static void Flush(List<string> run, bool nextToChinese, ItemList terms)
        {
            if (nextToChinese && run.Count > 1 && IsNameRun(run))
            {
                var joined = string.Join(" ", run);
                if (joined.Length <= MaxLength) terms.Add(joined);
            }
            else
            {
                foreach (var token in run)
                {
                    if (token.Length < 2 || token.Length > MaxLength || IsEveryday(token)) continue;
                    if (IsTerm(token) || (nextToChinese && char.IsUpper(token[0]))) terms.Add(token);
                }
            }
            run.Clear();
        }

        /// <summary>Every word capitalised (or a term), and at least one of them no term by itself.</summary>
        private static bool IsNameRun(List<string> run)
        {
            var plainWord = false;
            foreach (var token in run)
            {
                var term = IsTerm(token);
                if (!term && !char.IsUpper(token[0])) return false;
                if (IsEveryday(token)) return false;
                plainWord |= !term;
            }
            return plainWord;
        }

        private static bool IsTerm(string token)
        {
            bool digit = false, letter = false, innerCapital = false;
            for (var i = 0; i < token.Length; i++)
            {
                var c = token[i];
                if (c >= '0' && c <= '9') digit = true;
                else if (c >= 'A' && c <= 'Z')
                {
                    letter = true;
                    if (i > 0 && token[i - 1] != '.') innerCapital = true;
                }
                else if (c >= 'a' && c <= 'z') letter = true;
            }
            return (digit && letter) || innerCapital;
        }

        /// <summary>AI, HR… and the same with a lower-case ending (DMing, HRs).</summary>
        private static bool IsEveryday(string token)
        {
            if (Everyday.Contains(token)) return true;
            var capitals = 0;
            while (capitals < token.Length && char.IsUpper(token[capitals])) capitals++;
            if (capitals < 2 || capitals == token.Length) return false;
            for (var i = capitals; i < token.Length; i++) if (!char.IsLower(token[i])) return false;
            return Everyday.Contains(token.Substring(0, capitals));
        }

        private static bool OnlySpacesBetween(string text, int from, int to)
        {
            if (to <= from) return false;
            for (var i = from; i < to; i++) if (text[i] != ' ') return false;
            return true;
        }

        /// <summary>Is the nearest character before or after [start, end), spaces aside, a Chinese one?</summary>
        private static bool NextToChinese(string text, int start, int end)
        {
            var before = start - 1;
            while (before >= 0 && text[before] == ' ') before--;
            var after = end;
            while (after < text.Length && text[after] == ' ') after++;
            return (before >= 0 && TextWidth.IsCjk(text[before])) || (after < text.Length && TextWidth.IsCjk(text[after]));
        }
    }
}
