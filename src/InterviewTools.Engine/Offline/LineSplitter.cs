using System.Collections.Generic;

namespace InterviewTools.Engine.Offline
{
    internal static class LineSplitter
    {
        public static List<PostLine> Split(string body)
        {
            var lines = new List<PostLine>();
            var start = 0;
            while (start <= body.Length)
            {
                var end = body.IndexOf('\n', start);
                if (end < 0) end = body.Length;
                lines.Add(Parse(body.Substring(start, end - start)));
                start = end + 1;
            }
            return lines;
        }

        public static PostLine Parse(string raw)
        {
            var line = Decoration.WithoutEmojiCodes(raw).Trim();
            if (line.StartsWith(">", System.StringComparison.Ordinal)) line = line.TrimStart('>', ' ');
            var headingLevel = 0;
            while (headingLevel < line.Length && line[headingLevel] == '#') headingLevel++;
            if (headingLevel is > 0 and <= 6 && headingLevel < line.Length && line[headingLevel] == ' ')
            {
                var heading = Decoration.Strip(line.Substring(headingLevel).TrimEnd('#', ' '));
                return new PostLine(heading.Length == 0 ? LineKind.Blank : LineKind.Heading, heading);
            }

            var start = Decoration.SkipLeadingDecoration(line);
            var marker = ListMarker.Length(line, start, out var kind);
            var text = Decoration.Strip(line.Substring(start + marker));
            if (text.Length == 0) return new PostLine(LineKind.Blank, string.Empty);
            return new PostLine(marker > 0 ? LineKind.ListItem : LineKind.Prose, text, kind);
        }
    }
}
