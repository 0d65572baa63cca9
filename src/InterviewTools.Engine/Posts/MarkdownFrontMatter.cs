using System;
using System.Collections.Generic;
using InterviewTools.Engine.Yaml;
using YamlDotNet.RepresentationModel;

namespace InterviewTools.Engine.Posts
{
    /// <summary>
    /// Reads a Markdown post's YAML front matter: a block between a first line <c>---</c> and the next <c>---</c> or
    /// <c>...</c> line. Only <c>title</c> and <c>tags</c>/<c>topics</c> matter; every other key is ignored.
    /// </summary>
    internal static class MarkdownFrontMatter
    {
        private static readonly string[] TagKeys = { "tags", "topics", "tag_list" };

        /// <summary>True when the text starts with a front matter block (whatever its content).</summary>
        public static bool Starts(string unifiedText) => FirstLineIs(unifiedText, "---");

        /// <param name="unifiedText">Text with \n line ends.</param>
        /// <param name="problem">Why a block that starts like front matter is not one, for a warning.</param>
        public static bool TryParse(string unifiedText, out NoteMetadata metadata, out string problem)
        {
            metadata = null!;
            problem = string.Empty;
            if (!Starts(unifiedText))
            {
                problem = "it has no front matter";
                return false;
            }
            var yamlStart = unifiedText.IndexOf('\n') + 1;
            if (yamlStart == 0 || !TryFindClosingLine(unifiedText, yamlStart, out var yamlEnd, out var bodyStart))
            {
                problem = "its front matter has no closing '---' line";
                return false;
            }
            var stream = YamlLoader.TryLoad(unifiedText.Substring(yamlStart, yamlEnd - yamlStart), out var error);
            if (stream == null)
            {
                // The front matter starts on the file's second line.
                problem = $"its front matter is not valid YAML (line {error!.Line + 1}, column {error.Column}: {error.Reason})";
                return false;
            }
            var map = stream.Documents.Count == 0 ? new YamlMappingNode() : stream.Documents[0].RootNode as YamlMappingNode;
            if (map == null)
            {
                problem = "its front matter is not a YAML mapping";
                return false;
            }
            var title = Scalar(Value(map, "title"));
            metadata = new NoteMetadata(string.IsNullOrWhiteSpace(title) ? null : title!.Trim(), Tags(map), unifiedText.Substring(bodyStart));
            return true;
        }

        private static bool TryFindClosingLine(string text, int from, out int yamlEnd, out int bodyStart)
        {
            var lineStart = from;
            while (lineStart < text.Length)
            {
                var lineEnd = text.IndexOf('\n', lineStart);
                if (lineEnd < 0) lineEnd = text.Length;
                var line = text.Substring(lineStart, lineEnd - lineStart).TrimEnd();
                if (line == "---" || line == "...")
                {
                    yamlEnd = lineStart;
                    bodyStart = Math.Min(lineEnd + 1, text.Length);
                    return true;
                }
                lineStart = lineEnd + 1;
            }
            yamlEnd = bodyStart = 0;
            return false;
        }

        private static IReadOnlyList<string> Tags(YamlMappingNode map)
        {
            var tags = new List<string>();
            foreach (var key in TagKeys)
            {
                switch (Value(map, key))
                {
                    case YamlSequenceNode sequence:
                        foreach (var item in sequence.Children) NoteMetadata.AddTags(tags, Scalar(item));
                        break;
                    case YamlScalarNode scalar:
                        NoteMetadata.AddTags(tags, scalar.Value);
                        break;
                }
            }
            return tags;
        }

        /// <summary>Keys are matched without regard to case: "Title" and "title" both occur in the wild.</summary>
        private static YamlNode? Value(YamlMappingNode map, string key)
        {
            foreach (var entry in map.Children)
            {
                if (entry.Key is YamlScalarNode scalar && string.Equals(scalar.Value, key, StringComparison.OrdinalIgnoreCase)) return entry.Value;
            }
            return null;
        }

        private static string? Scalar(YamlNode? node) => (node as YamlScalarNode)?.Value;

        private static bool FirstLineIs(string text, string marker)
        {
            var end = text.IndexOf('\n');
            var first = end < 0 ? text : text.Substring(0, end);
            return first.TrimEnd() == marker;
        }
    }
}
