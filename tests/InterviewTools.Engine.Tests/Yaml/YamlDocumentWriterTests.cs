using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using InterviewTools.Engine.Yaml;
using Xunit;
using YamlDotNet.RepresentationModel;

namespace InterviewTools.Engine.Tests.Yaml
{
    public sealed class YamlDocumentWriterTests
    {
        [Fact]
        public void ChineseStaysUnescapedAndMultiLineTextIsALiteralBlock()
        {
            var yaml = Write(Doc(("Summary", "第一行\n第二行"), ("Title", "【面经】")));
            Assert.Contains("Summary: |", yaml);
            Assert.Contains("  第一行\n  第二行", yaml);
            Assert.Contains("【面经】", yaml);
            Assert.DoesNotContain("\\u", yaml);
        }

        [Fact]
        public void EachObjectIsOneExplicitDocumentInPropertyOrder()
        {
            var yaml = Write(Doc(("B", "1st"), ("A", "x")), Doc(("B", "2nd"), ("A", "z")));
            var stream = Load(yaml);
            Assert.Equal(2, stream.Documents.Count);
            Assert.Equal(new[] { "B", "A" }, Keys(stream.Documents[0]));
            Assert.Equal("---\nB: 1st\nA: x\n...\n---\nB: 2nd\nA: z\n...\n", yaml);
        }

        [Fact]
        public void AWriterThatStartsAFileWritesTheHeaderOnceInTheFirstDocumentsWrite()
        {
            var text = new StringWriter { NewLine = "\n" };
            var writes = new List<string>();
            var writer = new YamlDocumentWriter(new RecordingWriter(text, writes), startsFile: true);

            Assert.Throws<InvalidOperationException>(() => writer.WriteDocument(Doc(("Bad", Failing()))));
            writer.WriteDocument(Doc(("A", "first")));
            writer.WriteDocument(Doc(("A", "second")));

            Assert.Equal(YamlDocumentWriter.FileHeader + "\n---\nA: first\n...\n---\nA: second\n...\n", text.ToString());
            Assert.Equal(2, writes.Count);
            Assert.StartsWith("# ", YamlDocumentWriter.FileHeader);
            Assert.DoesNotContain("\n", YamlDocumentWriter.FileHeader);
        }

        [Theory]
        [InlineData("true")]
        [InlineData("null")]
        [InlineData("123")]
        [InlineData("1.5")]
        [InlineData("2026-11-23")]
        [InlineData("yes")]
        [InlineData("~")]
        [InlineData("")]
        [InlineData(" leading space")]
        [InlineData("a: b # c")]
        [InlineData("- dash")]
        [InlineData("---")]
        [InlineData("'quoted' \"double\"")]
        [InlineData("emoji 😀 and | > ? chars")]
        public void StringsThatLookLikeOtherTypesComeBackAsTheSameString(string text)
        {
            var stream = Load(Write(Doc(("Value", text))));
            var scalar = (YamlScalarNode)((YamlMappingNode)stream.Documents[0].RootNode).Children[new YamlScalarNode("Value")];
            Assert.Equal(text, scalar.Value);
        }

        [Theory]
        [InlineData("true")]
        [InlineData("123")]
        [InlineData("null")]
        [InlineData("12:30:45")]
        [InlineData("0x1F")]
        public void ScalarsThatAReaderWouldRetypeAreQuoted(string text)
        {
            var stream = Load(Write(Doc(("Value", text))));
            var scalar = (YamlScalarNode)((YamlMappingNode)stream.Documents[0].RootNode).Children[new YamlScalarNode("Value")];
            Assert.NotEqual(YamlDotNet.Core.ScalarStyle.Plain, scalar.Style);
        }

        [Theory]
        [InlineData("大模型面试")]
        [InlineData("GQA")]
        public void OrdinaryWordsStayPlain(string text) => Assert.Contains("Value: " + text + "\n", Write(Doc(("Value", text))));

        [Fact]
        public void NullsEmptyListsNumbersAndDurationsAreConsistent()
        {
            var yaml = Write(Doc(("Error", null), ("Tips", Array.Empty<string>()), ("Attempts", 2), ("Duration", TimeSpan.FromSeconds(1.5)), ("Ok", true)));
            Assert.Contains("Error: null\n", yaml);
            Assert.Contains("Tips: []\n", yaml);
            Assert.Contains("Attempts: 2\n", yaml);
            Assert.Contains("Duration: \"00:00:01.5000000\"\n", yaml);
            Assert.Contains("Ok: true\n", yaml);
        }

        [Fact]
        public void ListsAndNestedMappingsAreBlocks()
        {
            var nested = new List<KeyValuePair<string, object?>> { new KeyValuePair<string, object?>("Inner", "v") };
            var yaml = Write(Doc(("Questions", new[] { "什么是 GQA？", "RoPE 怎么外推？" }), ("Nested", nested)));
            Assert.Contains("Questions:\n  - 什么是 GQA？\n  - RoPE 怎么外推？\n", yaml);
            Assert.Contains("Nested:\n  Inner: v\n", yaml);
        }

        [Theory]
        [InlineData("line 1\nline 2")]
        [InlineData("ends with a break\n")]
        [InlineData("keeps trailing breaks\n\n\n")]
        [InlineData("inner\n  indented\n\n\nblank lines")]
        [InlineData("markers\n---\n...\ninside")]
        [InlineData("emoji 😀\n中文")]
        public void MultiLineTextThatABlockHoldsIsALiteralBlock(string text)
        {
            var yaml = Write(Doc(("Value", text)));
            Assert.Matches(@"^---\nValue: \|[-+]?\n", yaml);
            Assert.Equal(text, ScalarValue(yaml));
        }

        [Theory]
        [InlineData("windows\r\nline ends")]
        [InlineData("trailing space \nnext")]
        [InlineData("last line ends in a space\n ")]
        [InlineData(" leading space\nnext")]
        [InlineData("\nstarts with a break")]
        [InlineData("\n")]
        [InlineData("a tab\tinside\nnext")]
        [InlineData("next line\u0085inside\nnext")]
        [InlineData("line separator\u2028inside\nnext")]
        [InlineData("byte order mark\uFEFFinside\nnext")]
        [InlineData("control\u0007char\nnext")]
        public void MultiLineTextThatABlockWouldChangeIsDoubleQuotedOnOneLine(string text)
        {
            var yaml = Write(Doc(("Value", text)));
            Assert.StartsWith("---\nValue: \"", yaml);
            Assert.Equal(3, yaml.Count(c => c == '\n'));
            Assert.Equal(text, ScalarValue(yaml));
        }

        [Theory]
        [InlineData("nul\0inside")]
        [InlineData("bell\u0007inside")]
        [InlineData("next line\u0085inside")]
        [InlineData("paragraph\u2029separator")]
        [InlineData("carriage\rreturn")]
        public void ControlAndLineSeparatorCharactersAreEscapedNotWrittenRaw(string text)
        {
            var yaml = Write(Doc(("Value", text)));
            Assert.DoesNotContain(yaml, c => c != '\n' && (c < 0x20 || c == '\u0085' || c == '\u2028' || c == '\u2029'));
            Assert.Equal(text, ScalarValue(yaml));
        }

        [Fact]
        public void VeryLongLinesAreNeverFolded()
        {
            var text = string.Concat(Enumerable.Repeat("很长的一行 with words ", 2000));
            var yaml = Write(Doc(("Value", text)));
            Assert.Equal(3, yaml.Count(c => c == '\n'));
            Assert.Equal(text, ScalarValue(yaml));
        }

        [Fact]
        public void RealNumbersKeepEveryBitAndSpellSpecialValuesTheYamlWay()
        {
            var yaml = Write(Doc(("Third", 1.0 / 3), ("Nan", double.NaN), ("Up", double.PositiveInfinity), ("Down", float.NegativeInfinity), ("Duration", TimeSpan.FromDays(1.5))));
            Assert.Contains("Third: " + (1.0 / 3).ToString("R", System.Globalization.CultureInfo.InvariantCulture) + "\n", yaml);
            Assert.Contains("Nan: .nan\nUp: .inf\nDown: -.inf\n", yaml);
            Assert.Contains("Duration: \"1.12:00:00\"\n", yaml);
        }

        [Fact]
        public void ALoneSurrogateWhichUtf8CannotHoldBecomesTheReplacementCharacter()
        {
            using var bytes = new MemoryStream();
            using (var text = new StreamWriter(bytes, new System.Text.UTF8Encoding(false)) { NewLine = "\n" })
            {
                new YamlDocumentWriter(text).WriteDocument(Doc(("Value", "half \uD800 pair\nnext")));
            }

            Assert.Equal("half \uFFFD pair\nnext", ScalarValue(System.Text.Encoding.UTF8.GetString(bytes.ToArray())));
        }

        [Fact]
        public void AValueThatFailsHalfWayLeavesNothingInTheStream()
        {
            var writer = new StringWriter { NewLine = "\n" };
            var yaml = new YamlDocumentWriter(writer);
            yaml.WriteDocument(Doc(("A", "whole")));

            Assert.Throws<InvalidOperationException>(() => yaml.WriteDocument(Doc(("A", "half"), ("B", Failing()))));

            Assert.Equal("---\nA: whole\n...\n", writer.ToString());
        }

        /// <summary>Keeps each Write call apart, to show that a document and the header before it go out in one.</summary>
        private sealed class RecordingWriter : TextWriter
        {
            private readonly TextWriter _inner;
            private readonly List<string> _writes;

            public RecordingWriter(TextWriter inner, List<string> writes)
            {
                _inner = inner;
                _writes = writes;
            }

            public override System.Text.Encoding Encoding => _inner.Encoding;

            public override void Write(char value) => throw new NotSupportedException("the writer writes whole documents");

            public override void Write(string? value)
            {
                _writes.Add(value ?? string.Empty);
                _inner.Write(value);
            }
        }

        private static IEnumerable<string> Failing()
        {
            yield return "first";
            throw new InvalidOperationException("enumeration failed");
        }

        private static string? ScalarValue(string yaml)
        {
            var stream = Load(yaml);
            return ((YamlScalarNode)((YamlMappingNode)stream.Documents.Single().RootNode).Children[new YamlScalarNode("Value")]).Value;
        }

        private static List<KeyValuePair<string, object?>> Doc(params (string Key, object? Value)[] pairs) =>
            pairs.Select(p => new KeyValuePair<string, object?>(p.Key, p.Value)).ToList();

        private static string Write(params List<KeyValuePair<string, object?>>[] documents)
        {
            var writer = new StringWriter { NewLine = "\n" };
            var yaml = new YamlDocumentWriter(writer);
            foreach (var document in documents) yaml.WriteDocument(document);
            return writer.ToString();
        }

        private static YamlStream Load(string yaml)
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(yaml));
            return stream;
        }

        private static IEnumerable<string> Keys(YamlDocument document) =>
            ((YamlMappingNode)document.RootNode).Children.Keys.Select(k => ((YamlScalarNode)k).Value!);
    }
}
