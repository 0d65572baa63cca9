using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace InterviewTools.Engine.Yaml
{
    /// <summary>
    /// Reads a multi-document YAML stream one document at a time, as plain data. Every document written whole comes
    /// back and a corrupt one becomes an Invalid entry naming its line and column; the rest go on.
    /// <para>
    /// End markers tell whole from torn. A stream that follows <see cref="YamlDocumentWriter"/>'s convention (it opens with
    /// <see cref="YamlDocumentWriter.FileHeader"/>, or a document before has ended with <c>...</c>) ends every document with
    /// <c>...</c>: there, a document without it followed by others is CutShort (killed, then appended to) and a last one is
    /// Torn (killed mid-write, at any byte). Other writers end no document with <c>...</c>, so in a stream without either
    /// sign each document ends where the next <c>---</c> or the file ends, and is read as it is. Such a file that is one
    /// document of JSON, CSV or plain text is NotYaml.
    /// </para>
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
            var endsWithMarkers = false;
            YamlDocumentFrame? unended = null;
            foreach (var frame in YamlDocumentFrames.Read(reader))
            {
                if (number == 0 && unended == null && StartsWithHeader(frame)) endsWithMarkers = true;
                // A document without its end marker is judged when the next one starts: only the last one can be torn.
                if (unended != null) yield return Unended(++number, unended, endsWithMarkers, isLast: false);
                unended = null;
                if (frame.Ended)
                {
                    yield return Parse(++number, frame);
                    endsWithMarkers = true;
                }
                else
                {
                    unended = frame;
                }
            }
            if (unended != null) yield return Unended(++number, unended, endsWithMarkers, isLast: true);
        }

        private static bool StartsWithHeader(YamlDocumentFrame frame) =>
            frame.TextLine == 1 && frame.Text.StartsWith(YamlDocumentWriter.FileHeader + "\n", StringComparison.Ordinal);

        private static YamlEntry Unended(int number, YamlDocumentFrame frame, bool endsWithMarkers, bool isLast)
        {
            if (endsWithMarkers)
            {
                return isLast
                    ? new YamlEntry(number, frame.FirstLine, YamlEntryKind.Torn, null, "it has no '...' end marker, so its write was cut short")
                    : new YamlEntry(number, frame.FirstLine, YamlEntryKind.CutShort, null, "it has no '...' end marker before the next document, so its write was cut short");
            }
            var wholeFile = isLast && number == 1 && !frame.Opened;
            var firstContent = wholeFile ? frame.FirstContent.Trim() : string.Empty;
            if (firstContent.StartsWith("{", StringComparison.Ordinal) || firstContent.StartsWith("[", StringComparison.Ordinal))
            {
                return NotYaml(frame, $"it looks like JSON (line {frame.FirstLine} opens with '{firstContent[0]}')");
            }
            var entry = Parse(number, frame);
            if (!wholeFile || !(entry.Kind == YamlEntryKind.Invalid || entry.Value is string)) return entry;
            if (LooksLikeCsvHeader(firstContent)) return NotYaml(frame, $"it looks like CSV (line {frame.FirstLine} is a row of comma-separated fields)");
            return entry.Value is string ? NotYaml(frame, $"it is plain text (from line {frame.FirstLine}), not a mapping or a list") : entry;
        }

        private static YamlEntry NotYaml(YamlDocumentFrame frame, string problem) =>
            new YamlEntry(1, frame.FirstLine, YamlEntryKind.NotYaml, null, problem);

        private static bool LooksLikeCsvHeader(string line) =>
            line.IndexOf(',') >= 0 && line.IndexOf(": ", StringComparison.Ordinal) < 0 && !line.EndsWith(":", StringComparison.Ordinal);

        private static YamlEntry Parse(int number, YamlDocumentFrame frame)
        {
            var stream = YamlLoader.TryLoad(frame.Text, out var error);
            if (stream == null) return Invalid(number, frame, error!);
            try
            {
                var budget = MaxValues;
                var root = stream.Documents.Count == 0 ? null : stream.Documents[0].RootNode;
                var itemLines = root is YamlSequenceNode items ? items.Children.Select(item => frame.TextLine + (int)item.Start.Line - 1).ToList() : null;
                return new YamlEntry(number, frame.FirstLine, YamlEntryKind.Document, root == null ? null : ToValue(root, ref budget), null, itemLines);
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
