using System.Collections.Generic;

namespace InterviewTools.Engine.Offline
{
    /// <summary>
    /// The title is the reader's (a 【…】 first line, front matter, JSON title or Markdown heading); failing that, a
    /// short first line: at most 40 CJK characters or 80 Latin ones, no sentence end inside it (an aside in brackets may end in !), not ending in a colon
    /// (that introduces a list), not a list item, and not the post's only line.
    /// </summary>
    internal static class TitleRule
    {
        private const int MaxHalfUnits = 80;

        /// <param name="titleLine">The line the title came from, which then holds no items; -1 if none.</param>
        public static string? Find(string? declaredTitle, List<PostLine> lines, out int titleLine)
        {
            titleLine = -1;
            var first = NextNonBlank(lines, 0);
            if (declaredTitle != null)
            {
                var title = LineSplitter.Parse(declaredTitle).Text;
                if (first >= 0 && lines[first].Text == title) titleLine = first;
                return title.Length > 0 ? title : null;
            }
            if (first < 0 || NextNonBlank(lines, first + 1) < 0) return null;
            var line = lines[first];
            if (line.Kind == LineKind.ListItem || TextWidth.EndsWithColon(line.Text) || TextWidth.HalfUnits(line.Text) > MaxHalfUnits) return null;
            for (var i = 0; i < line.Text.Length - 1; i++)
            {
                var following = line.Text[i + 1];
                if (TextWidth.IsSentenceEnd(line.Text[i]) && !TextWidth.IsSentenceEnd(following) && !IsClosing(following)) return null;
            }
            titleLine = first;
            return line.Text;
        }

        /// <summary>"(got the offer!)" is an aside, not a second sentence.</summary>
        private static bool IsClosing(char c) => c == ')' || c == '）' || c == '】' || c == '”' || c == '"' || c == '」';

        private static int NextNonBlank(List<PostLine> lines, int from)
        {
            for (var i = from; i < lines.Count; i++) if (lines[i].Kind != LineKind.Blank) return i;
            return -1;
        }
    }
}
