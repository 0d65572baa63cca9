using YamlDotNet.Core;

namespace InterviewTools.Engine.Yaml
{
    /// <summary>
    /// Picks how a string is written so that any YAML reader gets exactly the same text back. Multi-line text is a
    /// literal block (<c>|</c>) when a block can hold it byte for byte; anything a block would change (CR, tabs,
    /// trailing or leading blanks, control or line-separator characters) is double-quoted, where every such character
    /// is escaped.
    /// </summary>
    internal static class YamlStringStyle
    {
        public static ScalarStyle For(string text)
        {
            if (text.IndexOf('\n') >= 0) return FitsLiteralBlock(text) ? ScalarStyle.Literal : ScalarStyle.DoubleQuoted;
            if (YamlScalarTyping.ReadsAsNonString(text) || !AllSafe(text)) return ScalarStyle.DoubleQuoted;
            return ScalarStyle.Any;
        }

        /// <summary>
        /// A literal block keeps the text only if its first line starts with visible text (else an indentation
        /// indicator is needed), no line ends in blanks (editors strip them), and every character is safe.
        /// </summary>
        public static bool FitsLiteralBlock(string text)
        {
            if (text.Length == 0 || text[0] == ' ' || text[0] == '\n') return false;
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                if (c == '\n')
                {
                    if (i > 0 && text[i - 1] == ' ') return false;
                    continue;
                }
                if (!IsSafe(text, i)) return false;
                if (char.IsHighSurrogate(c)) i++;
            }
            return text[text.Length - 1] != ' ';
        }

        private static bool AllSafe(string text)
        {
            for (var i = 0; i < text.Length; i++)
            {
                if (!IsSafe(text, i)) return false;
                if (char.IsHighSurrogate(text[i])) i++;
            }
            return true;
        }

        /// <summary>
        /// Printable YAML characters that no reader folds or normalises: no tab, CR, NEL, LS, PS or BOM, and
        /// surrogates only as complete pairs.
        /// </summary>
        private static bool IsSafe(string text, int index)
        {
            var c = text[index];
            if (c >= 0x20 && c <= 0x7E) return true;
            if (char.IsHighSurrogate(c)) return index + 1 < text.Length && char.IsLowSurrogate(text[index + 1]);
            if (char.IsLowSurrogate(c)) return false;
            if (c == '\u2028' || c == '\u2029' || c == '\uFEFF') return false;
            return (c >= 0xA0 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD);
        }
    }
}
