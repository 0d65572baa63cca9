using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace InterviewTools.Engine.Yaml
{
    /// <summary>
    /// Reads a multi-document YAML stream one document at a time, as plain data. Every document written whole comes
    /// back; a corrupt one becomes an Invalid entry naming its line and column, one cut short and then appended to a CutShort entry, and the rest go on; a last document without its <c>...</c> end
    /// marker (the writer was killed mid-write, at any byte) becomes a Torn entry.
    /// </summary>
    public static class YamlStreamReader
    {
        public const int MaxValues = 1_000_000;

        /// <summary>Reads a file lazily; it may still be open for writing by another process.</summary>
        public static IEnumerable<YamlEntry> ReadFile(string path)
        {
            using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete))
            using (var reader = new StreamReader(stream, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true))
            {
                foreach (var entry in Read(reader)) yield return entry;
            }
        }

        public static IEnumerable<YamlEntry> Read(TextReader reader)
        {
            var number = 0;
            YamlDocumentFrame? unended = null;
            foreach (var frame in YamlDocumentFrames.Read(reader))
            {
                // A document without its end marker is judged when the next one starts: only the last one is torn.
                if (unended != null) yield return Parse(++number, unended, isLast: false);
                unended = null;
                if (frame.Ended) yield return Parse(++number, frame, isLast: false);
                else unended = frame;
            }
            if (unended != null) yield return Parse(++number, unended, isLast: true);
        }

        private static YamlEntry Parse(int number, YamlDocumentFrame frame, bool isLast)
        {
            if (!frame.Ended)
            {
                return isLast
                    ? new YamlEntry(number, frame.FirstLine, YamlEntryKind.Torn, null, "it has no '...' end marker, so its write was cut short")
                    : new YamlEntry(number, frame.FirstLine, YamlEntryKind.CutShort, null, "it has no '...' end marker before the next document, so its write was cut short");
            }
            var stream = YamlLoader.TryLoad(frame.Text, out var error);
            if (stream == null) return Invalid(number, frame, error!);
            try
            {
                var budget = MaxValues;
                var root = stream.Documents.Count == 0 ? null : ToValue(stream.Documents[0].RootNode, ref budget);
                return new YamlEntry(number, frame.FirstLine, YamlEntryKind.Document, root, null);
            }
            catch (YamlException e)
            {
                return Invalid(number, frame, YamlSyntaxError.From(e));
            }
        }

        /// <summary>The error's line counts from the frame's text; the entry names the file's own line.</summary>
        private static YamlEntry Invalid(int number, YamlDocumentFrame frame, YamlSyntaxError error) =>
            new YamlEntry(number, frame.FirstLine, YamlEntryKind.Invalid, null, $"line {frame.TextLine + error.Line - 1}, column {error.Column}: {error.Reason}");

        /// <summary>Aliases are copied out in full, so a budget stops a "billion laughs" document from filling memory.</summary>
        private static object? ToValue(YamlNode node, ref int budget)
        {
            if (--budget < 0) throw new YamlException(node.Start, node.End, $"more than {MaxValues} values once its aliases are expanded");
            switch (node)
            {
                case YamlMappingNode mapping:
                    var pairs = new List<KeyValuePair<string, object?>>(mapping.Children.Count);
                    foreach (var pair in mapping.Children) pairs.Add(new KeyValuePair<string, object?>(KeyText(pair.Key), ToValue(pair.Value, ref budget)));
                    return pairs;
                case YamlSequenceNode sequence:
                    var items = new List<object?>(sequence.Children.Count);
                    foreach (var item in sequence.Children) items.Add(ToValue(item, ref budget));
                    return items;
                case YamlScalarNode scalar:
                    return IsNull(scalar) ? null : scalar.Value ?? string.Empty;
                default:
                    return null;
            }
        }

        private static string KeyText(YamlNode key) => key is YamlScalarNode scalar ? scalar.Value ?? string.Empty : key.ToString();

        /// <summary>Only an untagged plain null is null; <c>"null"</c> in quotes is the word.</summary>
        private static bool IsNull(YamlScalarNode scalar)
        {
            if (!scalar.Tag.IsEmpty && scalar.Tag.Value != "?") return scalar.Tag.Value == "tag:yaml.org,2002:null";
            if (scalar.Style != ScalarStyle.Plain) return false;
            var text = scalar.Value ?? string.Empty;
            return text.Length == 0 || text == "~" || text == "null" || text == "Null" || text == "NULL";
        }
    }
}
