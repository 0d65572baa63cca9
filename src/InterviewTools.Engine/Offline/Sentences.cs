using System.Collections.Generic;

namespace InterviewTools.Engine.Offline
{
    /// <summary>
    /// Splits prose into sentences after 。！？!?… (a run of them counts as one end) and after a '.' followed by a space.
    /// Nothing is split inside brackets or quotes, so "（…是什么？）" stays whole; ';' does not end a sentence.
    /// </summary>
    internal static class Sentences
    {
        public static void Split(string text, List<string> into)
        {
            var depth = 0;
            var start = 0;
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                if (IsOpener(c)) depth++;
                else if (IsCloser(c)) depth = depth > 0 ? depth - 1 : 0;
                if (depth > 0) continue;

                var end = -1;
                if (c == '。' || c == '！' || c == '？' || c == '!' || c == '?' || c == '…')
                {
                    end = i + 1;
                    while (end < text.Length && (IsRunOn(text[end]))) end++;
                }
                else if (c == '.' && i + 1 < text.Length && text[i + 1] == ' ')
                {
                    end = i + 1;
                }
                if (end < 0) continue;
                Add(text, start, end, into);
                start = end;
                i = end - 1;
            }
            Add(text, start, text.Length, into);
        }

        private static void Add(string text, int start, int end, List<string> into)
        {
            var sentence = text.Substring(start, end - start).Trim();
            if (sentence.Length > 0) into.Add(sentence);
        }

        private static bool IsRunOn(char c) => c == '。' || c == '！' || c == '？' || c == '!' || c == '?' || c == '…' || c == '.' || c == '~' || c == '～';

        private static bool IsOpener(char c) => c == '（' || c == '(' || c == '【' || c == '[' || c == '「' || c == '『' || c == '“' || c == '《';

        private static bool IsCloser(char c) => c == '）' || c == ')' || c == '】' || c == ']' || c == '」' || c == '』' || c == '”' || c == '》';
    }
}
