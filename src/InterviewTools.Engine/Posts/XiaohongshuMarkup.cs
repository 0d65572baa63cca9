using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace InterviewTools.Engine.Posts
{
    /// <summary>Lifts Xiaohongshu markup out of a post: <c>#话题[话题]#</c> hashtags, <c>[清单R]</c> emoji codes and a 【…】 title line.</summary>
    internal static class XiaohongshuMarkup
    {
        private static readonly Regex Hashtag = new Regex(@"#(?<topic>[^#\[\]\r\n]{1,40}?)\[话题\]#", RegexOptions.Compiled);
        private static readonly Regex EmojiCode = new Regex(@"\[[\u3400-\u4DBF\u4E00-\u9FFF]{1,8}R\]", RegexOptions.Compiled);
        private static readonly Regex BracketTitle = new Regex(@"^【[^】\r\n]+】[^\r\n]{0,80}$", RegexOptions.Compiled);
        private static readonly Regex TrailingSpace = new Regex(@"[ \t\u3000]+$", RegexOptions.Compiled | RegexOptions.Multiline);
        private static readonly Regex ExtraBlankLines = new Regex(@"\n{3,}", RegexOptions.Compiled);

        public static IReadOnlyList<string> Topics(string text) =>
            Hashtag.Matches(text).Cast<Match>()
                .Select(m => m.Groups["topic"].Value.Trim())
                .Where(topic => topic.Length > 0)
                .Distinct(StringComparer.Ordinal)
                .ToList();

        public static string Normalize(string text)
        {
            var unified = text.Replace("\r\n", "\n").Replace('\r', '\n').Replace("\uFEFF", string.Empty);
            var withoutCodes = EmojiCode.Replace(unified, string.Empty);
            var plainTags = Hashtag.Replace(withoutCodes, m => "#" + m.Groups["topic"].Value.Trim());
            var tidy = TrailingSpace.Replace(plainTags, string.Empty);
            return ExtraBlankLines.Replace(tidy, "\n\n").Trim();
        }

        public static string? Title(string normalizedText)
        {
            var firstLine = normalizedText.Split('\n').Select(line => line.Trim()).FirstOrDefault(line => line.Length > 0);
            return firstLine != null && BracketTitle.IsMatch(firstLine) ? firstLine : null;
        }
    }
}
