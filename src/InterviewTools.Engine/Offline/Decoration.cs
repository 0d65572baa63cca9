using System.Text;
using System.Text.RegularExpressions;

namespace InterviewTools.Engine.Offline
{
    /// <summary>
    /// Removes what decorates a line but is no part of its wording: Xiaohongshu emoji codes such as [清单R], emoji
    /// characters, hashtags (they become topics) and Markdown emphasis.
    /// </summary>
    internal static class Decoration
    {
        private static readonly Regex EmojiCode = new Regex(@"\[[\u3400-\u4DBF\u4E00-\u9FFF]{1,8}R\]", RegexOptions.Compiled);

        /// <summary>A hashtag starts after white space or at the line start; the raw form #话题[话题]# is covered too.</summary>
        public static readonly Regex Hashtag = new Regex(@"(?<!\S)#(?<tag>[^\s#\[\]]{1,40})(?:\[话题\]#)?", RegexOptions.Compiled);

        public static string Strip(string line)
        {
            line = WithoutEmojiCodes(line);
            if (line.IndexOf('#') >= 0) line = Hashtag.Replace(line, string.Empty);
            return WithoutEmojiAndEmphasis(line).Trim();
        }

        /// <summary>Emoji (pictographs, dingbats, variation selectors, joiners, keycaps) and Markdown ** __ ` marks.</summary>
        private static string WithoutEmojiAndEmphasis(string text)
        {
            StringBuilder? kept = null;
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                var width = char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]) ? 2 : 1;
                var drop = width == 2 ? IsEmoji(char.ConvertToUtf32(c, text[i + 1])) : IsEmoji(c) || IsEmphasis(text, i);
                if (drop && kept == null) kept = new StringBuilder(text, 0, i, text.Length);
                if (!drop) kept?.Append(text, i, width);
                i += width - 1;
            }
            return kept?.ToString() ?? text;
        }

        /// <summary>Skips leading emoji, emoji codes' leftovers and spaces, stopping at a bullet that marks a list item.</summary>
        public static int SkipLeadingDecoration(string line)
        {
            var i = 0;
            while (i < line.Length)
            {
                var c = line[i];
                if (ListMarker.IsBullet(c)) return i;
                if (char.IsWhiteSpace(c) || IsEmoji(c)) i++;
                else if (char.IsHighSurrogate(c) && i + 1 < line.Length && IsEmoji(char.ConvertToUtf32(c, line[i + 1]))) i += 2;
                else return i;
            }
            return i;
        }

        public static string WithoutEmojiCodes(string line) => line.IndexOf('[') >= 0 ? EmojiCode.Replace(line, string.Empty) : line;

        private static bool IsEmoji(int codePoint) =>
            (codePoint >= 0x1F000 && codePoint <= 0x1FAFF) || (codePoint >= 0xE0000 && codePoint <= 0xE007F)
            || (codePoint >= 0x2600 && codePoint <= 0x27BF) || (codePoint >= 0x2B00 && codePoint <= 0x2BFF)
            || codePoint == 0xFE0F || codePoint == 0xFE0E || codePoint == 0x200D || codePoint == 0x20E3
            || codePoint == 0x3030 || codePoint == 0x303D || codePoint == 0x3297 || codePoint == 0x3299;

        private static bool IsEmphasis(string text, int i)
        {
            var c = text[i];
            if (c == '`') return true;
            if (c != '*' && c != '_') return false;
            return (i + 1 < text.Length && text[i + 1] == c) || (i > 0 && text[i - 1] == c);
        }
    }
}
