using System;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace InterviewTools.Engine.Yaml
{
    /// <summary>The text of one document of a stream, the line of its first content, and whether its <c>...</c> end marker was read.</summary>
    internal sealed class YamlDocumentFrame
    {
        public YamlDocumentFrame(string text, int textLine, int firstLine, bool opened, bool ended)
        {
            Text = text;
            TextLine = textLine;
            FirstLine = firstLine;
            Opened = opened;
            Ended = ended;
        }

        public string Text { get; }

        /// <summary>The line of the file <see cref="Text"/> starts on, comments before the document included.</summary>
        public int TextLine { get; }

        /// <summary>The line of the <c>---</c> marker, or of the first content of a document without one.</summary>
        public int FirstLine { get; }

        /// <summary>The document starts with a <c>---</c> marker line.</summary>
        public bool Opened { get; }

        public bool Ended { get; }

        /// <summary>The line <see cref="FirstLine"/> names.</summary>
        public string FirstContent
        {
            get
            {
                var start = 0;
                for (var line = TextLine; line < FirstLine; line++) start = Text.IndexOf('\n', start) + 1;
                var end = Text.IndexOf('\n', start);
                return end < 0 ? Text.Substring(start) : Text.Substring(start, end - start);
            }
        }
    }

    /// <summary>
    /// Cuts a multi-document stream into documents at its <c>---</c> and <c>...</c> marker lines, reading one line at a
    /// time. YamlDotNet's parser cannot resume after a syntax error, so each document is framed first and parsed on its
    /// own: one corrupt document then costs only itself. Framing is safe because the YAML spec forbids a marker at the
    /// start of a line anywhere inside a document's content (YAML 1.2, c-forbidden).
    /// </summary>
    internal static class YamlDocumentFrames
    {
        public static IEnumerable<YamlDocumentFrame> Read(TextReader reader)
        {
            var text = new StringBuilder();
            var textLine = 1;
            var firstLine = 1;
            var hasContent = false;
            var opened = false;
            var lineNumber = 0;
            string? line;
            while ((line = reader.ReadLine()) != null)
            {
                lineNumber++;
                // Files joined end to end keep the second one's byte order mark; YAML allows one before any document.
                if (!hasContent && line.Length > 0 && line[0] == '\uFEFF') line = line.Substring(1);
                if (IsMarker(line, "---") && hasContent)
                {
                    yield return new YamlDocumentFrame(text.ToString(), textLine, firstLine, opened, ended: false);
                    text.Clear();
                    hasContent = false;
                }
                if (text.Length == 0) textLine = lineNumber;
                text.Append(line).Append('\n');
                if (IsMarker(line, "..."))
                {
                    if (hasContent) yield return new YamlDocumentFrame(text.ToString(), textLine, firstLine, opened, ended: true);
                    text.Clear();
                    hasContent = false;
                }
                else if (!hasContent)
                {
                    opened = IsMarker(line, "---");
                    hasContent = opened || IsContent(line);
                    if (hasContent) firstLine = lineNumber;
                }
            }
            if (hasContent) yield return new YamlDocumentFrame(text.ToString(), textLine, firstLine, opened, ended: false);
        }

        private static bool IsMarker(string line, string marker) =>
            line.StartsWith(marker, StringComparison.Ordinal) && (line.Length == marker.Length || line[marker.Length] == ' ' || line[marker.Length] == '\t');

        /// <summary>Blank lines, comments and directives before a document belong to it but do not make one.</summary>
        private static bool IsContent(string line)
        {
            var trimmed = line.Trim();
            return trimmed.Length > 0 && trimmed[0] != '#' && line[0] != '%';
        }
    }
}
