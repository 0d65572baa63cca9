namespace InterviewTools.Engine.Offline
{
    /// <summary>Character classes and a length measure that treats a CJK character as one word-sized unit.</summary>
    internal static class TextWidth
    {
        public static bool IsCjk(char c) =>
            (c >= '\u3400' && c <= '\u4DBF') || (c >= '\u4E00' && c <= '\u9FFF') || (c >= '\uF900' && c <= '\uFAFF');

        /// <summary>Half-units: a CJK or full-width character counts 2, anything else 1, so "LLM interview" weighs like 6–7 hanzi.</summary>
        public static int HalfUnits(string text)
        {
            var units = 0;
            foreach (var c in text) units += c >= '\u2E80' ? 2 : 1;
            return units;
        }

        public static bool IsSentenceEnd(char c) => c == '。' || c == '！' || c == '？' || c == '!' || c == '?' || c == '；' || c == ';' || c == '…';

        public static bool IsQuestionMark(char c) => c == '?' || c == '？';

        public static bool EndsWithColon(string text) => text.Length > 0 && (text[text.Length - 1] == '：' || text[text.Length - 1] == ':');

        /// <summary>True when most letters are CJK, to choose how sentences are joined.</summary>
        public static bool MostlyCjk(string text)
        {
            int cjk = 0, latin = 0;
            foreach (var c in text)
            {
                if (IsCjk(c)) cjk++;
                else if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') latin++;
            }
            return cjk * 3 >= latin;
        }
    }
}
