using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace InterviewTools.Engine.Offline
{
    /// <summary>
    /// Technical terms and acronyms: Latin tokens (parts joined by '-' or '.') that mix letters and digits (Qwen2.5,
    /// R1, bge-m3) or have a capital after a part's first letter (GQA, RoPE, LoRA, vLLM, DeepSeekV3). Plain words,
    /// capitalised or not (Transformer, Fine-Tuning), and a few everyday acronyms (AI, OK, HR…) are left out. First spelling wins;
    /// repeats are matched without regard to case.
    /// </summary>
    internal static class TermExtractor
    {
        private const int MaxLength = 40;
        private static readonly Regex Token = new Regex(@"(?<![A-Za-z0-9])[A-Za-z][A-Za-z0-9]*(?:[-.][A-Za-z0-9]+)*", RegexOptions.Compiled);
        private static readonly HashSet<string> Everyday = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "AI", "OK", "HR", "ID", "PS", "OC", "PM", "AM", "IT", "TV", "UP", "NO", "YES", "VS", "ETC", "DM", "APP", "PPT", "PDF",
        };

        public static void Collect(string text, ItemList terms)
        {
            for (var match = Token.Match(text); match.Success; match = match.NextMatch())
            {
                var token = match.Value;
                if (token.Length >= 2 && token.Length <= MaxLength && IsTerm(token) && !Everyday.Contains(token)) terms.Add(token);
            }
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
                    if (i > 0 && token[i - 1] != '-' && token[i - 1] != '.') innerCapital = true;
                }
                else if (c >= 'a' && c <= 'z') letter = true;
            }
            return (digit && letter) || innerCapital;
        }
    }
}
