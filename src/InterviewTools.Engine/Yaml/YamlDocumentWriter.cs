using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace InterviewTools.Engine.Yaml
{
    /// <summary>
    /// Writes one YAML document per object to a multi-document stream, flushing after each, so the file is valid
    /// after every object and an append looks exactly like a file written in one go.
    /// Each document opens with <c>---</c> and closes with <c>...</c>: the closing marker is what tells a reader
    /// that a document was written whole, since a document cut short at a line end still parses. A file the writer starts
    /// opens with <see cref="FileHeader"/>, so a reader knows to expect the marker even before the first document is whole.
    /// Values may be mappings (sequences of key/value pairs or dictionaries), lists, strings, numbers, booleans,
    /// timestamps, durations, enums and nulls.
    /// </summary>
    public sealed class YamlDocumentWriter
    {
        /// <summary>
        /// The first line of a file this writer starts. Other writers (powershell-yaml, YamlDotNet's serializer, editors)
        /// end no document with <c>...</c>; a reader that sees this line knows that here a document without it was cut short.
        /// </summary>
        public const string FileHeader = "# InterviewTools export: every document ends with '...'; one without it was cut short.";

        private static readonly EmitterSettings Settings = new EmitterSettings(2, int.MaxValue, false, 1024, false, true, "\n");

        private readonly TextWriter _writer;
        private bool _headerPending;

        /// <param name="writer">Where the documents go.</param>
        /// <param name="startsFile">True when the writer starts an empty file: the first document is then preceded by <see cref="FileHeader"/>.</param>
        public YamlDocumentWriter(TextWriter writer, bool startsFile = false)
        {
            _writer = writer;
            _headerPending = startsFile;
        }

        /// <summary>
        /// Builds the document in memory and writes it in one call, so a value that fails half-way leaves nothing
        /// behind and the window in which a killed process tears a document is as short as it can be.
        /// </summary>
        public void WriteDocument(IEnumerable<KeyValuePair<string, object?>> mapping)
        {
            var document = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
            if (_headerPending) document.Write(FileHeader + "\n");
            var emitter = new Emitter(document, Settings);
            emitter.Emit(new StreamStart());
            emitter.Emit(new DocumentStart(null, null, false));
            EmitMapping(emitter, mapping);
            emitter.Emit(new DocumentEnd(false));
            emitter.Emit(new StreamEnd());
            _writer.Write(document.ToString());
            _writer.Flush();
            _headerPending = false;
        }

        private static void EmitValue(IEmitter emitter, object? value)
        {
            switch (value)
            {
                case null:
                    emitter.Emit(new Scalar(null, null, "null", ScalarStyle.Plain, true, false));
                    break;
                case string text:
                    EmitString(emitter, text);
                    break;
                case bool flag:
                    emitter.Emit(new Scalar(null, null, flag ? "true" : "false", ScalarStyle.Plain, true, false));
                    break;
                case Enum enumValue:
                    EmitString(emitter, enumValue.ToString());
                    break;
                case DateTimeOffset moment:
                    emitter.Emit(new Scalar(null, null, moment.ToString("o", CultureInfo.InvariantCulture), ScalarStyle.Plain, true, false));
                    break;
                case DateTime moment:
                    emitter.Emit(new Scalar(null, null, moment.ToString("o", CultureInfo.InvariantCulture), ScalarStyle.Plain, true, false));
                    break;
                case TimeSpan span:
                    emitter.Emit(new Scalar(null, null, span.ToString("c", CultureInfo.InvariantCulture), ScalarStyle.DoubleQuoted, true, true));
                    break;
                case double real:
                    EmitReal(emitter, real, real.ToString("R", CultureInfo.InvariantCulture));
                    break;
                case float real:
                    EmitReal(emitter, real, real.ToString("R", CultureInfo.InvariantCulture));
                    break;
                case IEnumerable<KeyValuePair<string, object?>> mapping:
                    EmitMapping(emitter, mapping);
                    break;
                case IDictionary dictionary:
                    EmitMapping(emitter, Pairs(dictionary));
                    break;
                case IEnumerable sequence:
                    EmitSequence(emitter, sequence);
                    break;
                case IFormattable number when IsNumber(value):
                    emitter.Emit(new Scalar(null, null, number.ToString(null, CultureInfo.InvariantCulture), ScalarStyle.Plain, true, false));
                    break;
                default:
                    EmitString(emitter, Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty);
                    break;
            }
        }

        private static void EmitMapping(IEmitter emitter, IEnumerable<KeyValuePair<string, object?>> mapping)
        {
            emitter.Emit(new MappingStart(null, null, true, MappingStyle.Block));
            foreach (var pair in mapping)
            {
                EmitString(emitter, pair.Key);
                EmitValue(emitter, pair.Value);
            }
            emitter.Emit(new MappingEnd());
        }

        private static void EmitSequence(IEmitter emitter, IEnumerable sequence)
        {
            var items = new List<object?>();
            foreach (var item in sequence) items.Add(item);
            emitter.Emit(new SequenceStart(null, null, true, items.Count == 0 ? SequenceStyle.Flow : SequenceStyle.Block));
            foreach (var item in items) EmitValue(emitter, item);
            emitter.Emit(new SequenceEnd());
        }

        private static void EmitString(IEmitter emitter, string text)
        {
            text = WithoutLoneSurrogates(text);
            emitter.Emit(new Scalar(null, null, text, YamlStringStyle.For(text), true, true));
        }

        /// <summary>
        /// Half a surrogate pair is not Unicode: UTF-8 cannot hold it and YamlDotNet refuses it, so it becomes U+FFFD,
        /// as any UTF-8 writer would make it, instead of failing the whole document.
        /// </summary>
        private static string WithoutLoneSurrogates(string text)
        {
            char[]? fixedText = null;
            for (var i = 0; i < text.Length; i++)
            {
                if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    i++;
                    continue;
                }
                if (!char.IsSurrogate(text[i])) continue;
                fixedText ??= text.ToCharArray();
                fixedText[i] = '\uFFFD';
            }
            return fixedText == null ? text : new string(fixedText);
        }

        /// <summary>YAML spells the special values .nan and .inf; "R" keeps every bit of the others.</summary>
        private static void EmitReal(IEmitter emitter, double value, string roundTrip)
        {
            var text = double.IsNaN(value) ? ".nan" : double.IsPositiveInfinity(value) ? ".inf" : double.IsNegativeInfinity(value) ? "-.inf" : roundTrip;
            emitter.Emit(new Scalar(null, null, text, ScalarStyle.Plain, true, false));
        }

        private static IEnumerable<KeyValuePair<string, object?>> Pairs(IDictionary dictionary)
        {
            foreach (DictionaryEntry entry in dictionary)
            {
                yield return new KeyValuePair<string, object?>(Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? string.Empty, entry.Value);
            }
        }

        private static bool IsNumber(object value) =>
            value is int || value is long || value is short || value is byte || value is sbyte || value is uint || value is ulong || value is ushort
            || value is decimal || value is System.Numerics.BigInteger;
    }
}
