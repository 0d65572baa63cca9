using System;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace InterviewTools.Engine.Yaml
{
    /// <summary>The text of one document of a stream, the line of its first content, and whether its <c>...</c> end marker was read.</summary>
    internal sealed class YamlDocumentFrame
    {
        public YamlDocumentFrame(string text, int textLine, int firstLine, bool ended)
        {
            Text = text;
            TextLine = textLine;
            FirstLine = firstLine;
            Ended = ended;
        }

        public string Text { get; }

        /// <summary>The line of the file <see cref="Text"/> starts on, comments before the document included.</summary>
        public int TextLine { get; }

        /// <summary>The line of the <c>---</c> marker, or of the first content of a document without one.</summary>
        public int FirstLine { get; }

        public bool Ended { get; }
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
            var lineNumber = 0;
            string? line;
            while ((line = reader.ReadLine()) != null)
            {
                lineNumber++;
                if (IsMarker(line, "---") && hasContent)
                {
                    yield return new YamlDocumentFrame(text.ToString(), textLine, firstLine, ended: false);
                    text.Clear();
                    hasContent = false;
                }
                if (text.Length == 0) textLine = lineNumber;
                text.Append(line).Append('\n');
                if (IsMarker(line, "..."))
                {
                    if (hasContent) yield return new YamlDocumentFrame(text.ToString(), textLine, firstLine, ended: true);
                    text.Clear();
                    hasContent = false;
                }
                else if (!hasContent)
                {
                    hasContent = IsMarker(line, "---") || IsContent(line);
                    if (hasContent) firstLine = lineNumber;
                }
            }
            if (hasContent) yield return new YamlDocumentFrame(text.ToString(), textLine, firstLine, ended: false);
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
