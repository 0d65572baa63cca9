using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using InterviewTools.Engine.Yaml;
using Xunit;

namespace InterviewTools.Engine.Tests.Yaml
{
    public sealed class YamlStreamReaderTests
    {
        /// <summary>Text that YAML treats specially, in every place it can bite.</summary>
        public static readonly string[] Adversarial =
        {
            "a: b # not a comment", "- not a list", "? not a key", "| not a block", "> not folded", "'single'", "\"double\"", "@at", "`tick", "%percent",
            "!bang", "&anchor", "*alias", "{brace}", "[bracket]", ",comma", "#hash", "key: value\nnext: line", "---", "...", "text\n---\nmore\n...\nend",
            " leading", "trailing ", "  both  ", "line 1\r\nline 2\r\n", "tab\there", "tab\n\tindented", "emoji 😀👍🏽 and 中文", "nel\u0085inside",
            "ls\u2028ps\u2029", "bom\uFEFF", "bell\u0007", "nul\0", "del\u007F c1\u0080\u009F", "\uFEFFbom first", "\n", "\n\nleading breaks", "trailing breaks\n\n\n", "trailing space \nnext",
            "# looks like a comment\nline", "  indented first\nsecond", "true", "null", "~", "", "123", "0x1F", "1e3", ".inf", "2026-11-23", "12:30:45", "yes",
            string.Concat(Enumerable.Repeat("很长的一行，很长的一行 ", 3000)),
        };

        public static IEnumerable<object[]> AdversarialCases() => Adversarial.Select((text, i) => new object[] { i });

        [Theory]
        [MemberData(nameof(AdversarialCases))]
        public void WhatTheWriterWritesComesBackExactly(int index)
        {
            var text = Adversarial[index];
            var entries = Read(Write(Doc(("Value", text), ("List", new[] { text, "plain" }))));

            var document = Mapping(Assert.Single(entries));
            Assert.Equal(text, document["Value"]);
            Assert.Equal(new object?[] { text, "plain" }, (List<object?>)document["List"]!);
        }

        [Fact]
        public void AwkwardKeysComeBackExactly()
        {
            var keys = Adversarial.Distinct().ToArray();
            var entries = Read(Write(keys.Select((key, i) => new KeyValuePair<string, object?>(key, i.ToString())).ToList()));

            var pairs = (List<KeyValuePair<string, object?>>)Assert.Single(entries).Value!;
            Assert.Equal(keys, pairs.Select(p => p.Key));
            Assert.Equal(Enumerable.Range(0, keys.Length).Select(i => (object?)i.ToString()), pairs.Select(p => p.Value));
        }

        [Fact]
        public void ReturnsEveryDocumentInOrderWithItsNumberAndLine()
        {
            var entries = Read(Write(Doc(("N", "1")), Doc(("N", "2"), ("Text", "a\nb")), Doc(("N", "3"))));

            Assert.Equal(new[] { 1, 2, 3 }, entries.Select(e => e.Number));
            Assert.Equal(new[] { 1, 4, 10 }, entries.Select(e => e.Line));
            Assert.All(entries, e => Assert.Equal(YamlEntryKind.Document, e.Kind));
            Assert.Equal(new object?[] { "1", "2", "3" }, entries.Select(e => Mapping(e)["N"]));
        }

        [Fact]
        public void ATornLastDocumentIsReportedAtEveryCutPointAndTheOthersSurvive()
        {
            var whole = Write(Doc(("N", "1"), ("Text", "第一\n第二")), Doc(("N", "2"), ("List", new[] { "x", "y" })), Doc(("N", "3"), ("Text", "多行\n文本\n"), ("Quoted", "tab\there"), ("Empty", Array.Empty<string>())));
            var lastStart = whole.LastIndexOf("---\n", StringComparison.Ordinal);

            for (var cut = lastStart; cut <= whole.Length; cut++)
            {
                var entries = Read(whole.Substring(0, cut));

                var complete = cut >= whole.Length - 1;
                Assert.Equal(new object?[] { "1", "2" }, entries.Take(2).Select(e => Mapping(e)["N"]));
                if (complete)
                {
                    Assert.Equal("3", Mapping(entries[2])["N"]);
                }
                else if (cut == lastStart)
                {
                    Assert.Equal(2, entries.Count);
                }
                else
                {
                    Assert.Equal(3, entries.Count);
                    Assert.Equal(YamlEntryKind.Torn, entries[2].Kind);
                    Assert.Equal(3, entries[2].Number);
                    Assert.Contains("end marker", entries[2].Problem);
                }
            }
        }

        [Fact]
        public void ACorruptDocumentInTheMiddleCostsOnlyItself()
        {
            var yaml = Write(Doc(("N", "1"))) + "---\nN: [unclosed\nM: 2\n...\n" + Write(Doc(("N", "3")));

            var entries = Read(yaml);

            // ToArray: under Mono, xunit compares an enum array with a lazy sequence as Int32 against enum, and fails.
            Assert.Equal(new[] { YamlEntryKind.Document, YamlEntryKind.Invalid, YamlEntryKind.Document }, entries.Select(e => e.Kind).ToArray());
            Assert.Equal(2, entries[1].Number);
            Assert.StartsWith("line ", entries[1].Problem);
            Assert.Equal("3", Mapping(entries[2])["N"]);
        }

        [Fact]
        public void NoSingleCharacterOfDamageEscapesAsAnException()
        {
            var good = Write(Doc(("N", "1")));
            var victim = Write(Doc(("Text", "多行\n文本"), ("Quoted", "tab\there \\ \"q\" 😀"), ("List", new[] { "a: b", "'c'" }), ("Empty", Array.Empty<string>()), ("Map", Doc(("K", "v")))));
            var checkedCount = 0;
            for (var i = 4; i < victim.Length - 4; i++)
            {
                foreach (var damage in new[] { '"', '\'', '[', '{', '}', ':', '\\', '|', '-', '\t', ' ', '&', '*', '!', '%', '\uD800' })
                {
                    var damaged = victim.Substring(0, i) + damage + victim.Substring(i + 1);
                    var entries = Read(good + damaged + good);

                    Assert.Equal(3, entries.Count);
                    Assert.Equal(YamlEntryKind.Document, entries[0].Kind);
                    Assert.Equal(YamlEntryKind.Document, entries[2].Kind);
                    checkedCount++;
                }
            }
            Assert.True(checkedCount > 1000);
        }

        [Theory]
        [MemberData(nameof(BrokenYaml.RejectedCases), MemberType = typeof(BrokenYaml))]
        public void BrokenYamlBetweenWholeDocumentsIsInvalidAtALineOfItsOwnAndTheOthersSurvive(string name)
        {
            var sample = BrokenYaml.Named(name);
            var yaml = Write(Doc(("N", "1"))) + "---\n" + sample.Text + "...\n" + Write(Doc(("N", "3")));

            var entries = Read(yaml);

            Assert.Equal(new[] { YamlEntryKind.Document, YamlEntryKind.Invalid, YamlEntryKind.Document }, entries.Select(e => e.Kind).ToArray());
            Assert.Equal(2, entries[1].Number);
            var line = ProblemLine(entries[1]);
            Assert.InRange(line, 4, 4 + sample.LineCount + 1);
            Assert.All(BrokenYaml.RawText, raw => Assert.DoesNotContain(raw, entries[1].Problem));
            Assert.Equal("3", Mapping(entries[2])["N"]);
        }

        [Theory]
        [MemberData(nameof(BrokenYaml.RejectedCases), MemberType = typeof(BrokenYaml))]
        public void BrokenYamlAsAWholeFileIsOneEntryThatSaysWhereOrWhatItIs(string name)
        {
            var sample = BrokenYaml.Named(name);

            var entry = Assert.Single(Read(sample.Text));

            if (sample.OpensLikeJson)
            {
                Assert.Equal(YamlEntryKind.NotYaml, entry.Kind);
                Assert.Contains("JSON", entry.Problem);
            }
            else
            {
                Assert.Equal(YamlEntryKind.Invalid, entry.Kind);
                Assert.Equal(sample.Line, ProblemLine(entry));
                Assert.All(BrokenYaml.RawText, raw => Assert.DoesNotContain(raw, entry.Problem));
            }
        }

        [Fact]
        public void TheIssuesDocumentNamesTheLineAndColumnWhereTheUnclosedBracketIsNoticed()
        {
            var entries = Read(Write(Doc(("N", "1"))) + "---\nkeys: [unclosed\nmodels: {\n...\n");

            Assert.Equal("line 6, column 1: a '[' or '{' before this point is not closed, or a line inside it is indented less than the line it continues", entries[1].Problem);
        }

        [Theory]
        [MemberData(nameof(AcceptedCases))]
        public void OddButValidYamlIsADocument(int index)
        {
            var entries = Read("---\n" + BrokenYaml.Accepted[index] + "...\n");

            Assert.Equal(YamlEntryKind.Document, Assert.Single(entries).Kind);
        }

        public static IEnumerable<object[]> AcceptedCases() => BrokenYaml.Accepted.Select((_, i) => new object[] { i });

        [Fact]
        public void AFileFromAnotherWriterWithoutEndMarkersIsReadWhole()
        {
            var single = Read("Source: a.txt\nTitle: 面经\nTips:\n- one\n");
            var documents = Read("# notes\n---\nSource: a.txt\n---\nSource: b.txt\nTips: []\n---\nSource: c.txt");
            var list = Read("- Source: a.txt\n  Tips: &o0 []\n- Source: b.txt\n  Tips: *o0\n\n");

            Assert.Equal("面经", Mapping(Assert.Single(single))["Title"]);
            Assert.Equal(new object?[] { "a.txt", "b.txt", "c.txt" }, documents.Select(e => Mapping(e)["Source"]));
            Assert.Equal(new[] { 2, 4, 7 }, documents.Select(e => e.Line));
            var entry = Assert.Single(list);
            Assert.Equal(2, ((List<object?>)entry.Value!).Count);
            Assert.Equal(new[] { 1, 3 }, entry.ItemLines);
        }

        [Fact]
        public void InAFileTheWriterStartedATornFirstDocumentIsReportedAtEveryCutPoint()
        {
            var whole = Write(startsFile: true, Doc(("N", "1"), ("Text", "第一\n第二"), ("List", new[] { "x" }), ("Empty", Array.Empty<string>())));
            Assert.StartsWith(YamlDocumentWriter.FileHeader + "\n---\n", whole);
            var firstContent = YamlDocumentWriter.FileHeader.Length + 1;

            for (var cut = 0; cut <= whole.Length; cut++)
            {
                var entries = Read(whole.Substring(0, cut));

                if (cut <= firstContent)
                {
                    Assert.Empty(entries);
                }
                else if (cut >= whole.Length - 1)
                {
                    Assert.Equal("1", Mapping(Assert.Single(entries))["N"]);
                }
                else
                {
                    var torn = Assert.Single(entries);
                    Assert.True(torn.Kind == YamlEntryKind.Torn, $"cut at {cut}: {torn.Kind}");
                    Assert.Equal(2, torn.Line);
                }
            }
        }

        [Fact]
        public void AfterTheHeaderAFirstDocumentCutShortAndAppendedToIsCutShort()
        {
            var yaml = YamlDocumentWriter.FileHeader + "\n---\nN: 1\nText: cut sh\n" + Write(Doc(("N", "2")));

            Assert.Equal(new[] { YamlEntryKind.CutShort, YamlEntryKind.Document }, Read(yaml).Select(e => e.Kind).ToArray());
        }

        [Fact]
        public void ExportsJoinedEndToEndReadWholeEvenWithTheSecondOnesByteOrderMark()
        {
            var first = Write(startsFile: true, Doc(("N", "1")));
            var second = Write(startsFile: true, Doc(("N", "2")), Doc(("N", "3")));

            var entries = Read(first + "\uFEFF" + second);

            Assert.Equal(new object?[] { "1", "2", "3" }, entries.Select(e => Mapping(e)["N"]));
        }

        [Theory]
        [InlineData("[\n  {\n    \"Source\": \"a.txt\",\n    \"Status\": 0\n  }\n]\n", "JSON (line 1 opens with '[')")]
        [InlineData("\n{ \"Source\": \"a.txt\" }\n", "JSON (line 2 opens with '{')")]
        [InlineData("\"Source\",\"Title\",\"Status\"\n\"a.txt\",\"面经\",\"Succeeded\"\n", "CSV (line 1 is a row")]
        [InlineData("Source,Title,Status\na.txt,面经,Succeeded\n", "CSV (line 1 is a row")]
        [InlineData("这是一篇面经\n第二行\n", "plain text (from line 1)")]
        public void AFileOfJsonCsvOrPlainTextIsOneNotYamlEntryThatSaysWhatItLooksLike(string text, string expected)
        {
            var entry = Assert.Single(Read(text));

            Assert.Equal(YamlEntryKind.NotYaml, entry.Kind);
            Assert.Contains(expected, entry.Problem);
        }

        [Fact]
        public void TextOrCommasInsideMarkedDocumentsAreDocumentsNotForeignFiles()
        {
            var entries = Read("---\n[1, 2]\n...\n---\na, b\n...\n---\njust text\n...\n");

            Assert.All(entries, e => Assert.Equal(YamlEntryKind.Document, e.Kind));
        }

        [Fact]
        public void ADocumentNestedDeepEnoughToOverflowTheStackIsInvalidNotFatal()
        {
            var deep = "---\nA: " + new string('[', 100_000) + new string(']', 100_000) + "\n...\n";

            var entries = Read(deep + Write(Doc(("N", "2"))));

            Assert.Equal(YamlEntryKind.Invalid, entries[0].Kind);
            Assert.Contains("nested more than", entries[0].Problem);
            Assert.Equal(YamlEntryKind.Document, entries[1].Kind);
        }

        [Fact]
        public void AliasesThatExpandBeyondTheBudgetMakeTheDocumentInvalid()
        {
            var laughs = new System.Text.StringBuilder("---\na: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
            for (var level = 'b'; level <= 'j'; level++)
            {
                var previous = (char)(level - 1);
                laughs.Append(level).Append(": &").Append(level).Append(" [").Append(string.Join(", ", Enumerable.Repeat("*" + previous, 10))).Append("]\n");
            }
            laughs.Append("...\n");

            var entry = Assert.Single(Read(laughs.ToString()));

            Assert.Equal(YamlEntryKind.Invalid, entry.Kind);
            Assert.Contains("aliases", entry.Problem);
        }

        [Fact]
        public void ADocumentCutShortAndThenAppendedToIsCutShortNotTorn()
        {
            var yaml = Write(Doc(("N", "1"))) + "---\nN: 2\nText: cut sh\n" + Write(Doc(("N", "3")));

            var entries = Read(yaml);

            // ToArray: under Mono, xunit compares an enum array with a lazy sequence as Int32 against enum, and fails.
            Assert.Equal(new[] { YamlEntryKind.Document, YamlEntryKind.CutShort, YamlEntryKind.Document }, entries.Select(e => e.Kind).ToArray());
            Assert.Contains("end marker", entries[1].Problem);
        }

        [Fact]
        public void DuplicateKeysMakeADocumentInvalid()
        {
            var entries = Read("---\nA: 1\nA: 2\n...\n");

            Assert.Equal(YamlEntryKind.Invalid, Assert.Single(entries).Kind);
        }

        [Fact]
        public void OnlyUnquotedNullsAreNull()
        {
            var document = Mapping(Assert.Single(Read("---\nA: null\nB: ~\nC:\nD: \"null\"\nE: 'null'\nF: !!null ''\nG: !!str null\nH: NULL\n...\n")));

            Assert.Null(document["A"]);
            Assert.Null(document["B"]);
            Assert.Null(document["C"]);
            Assert.Equal("null", document["D"]);
            Assert.Equal("null", document["E"]);
            Assert.Null(document["F"]);
            Assert.Equal("null", document["G"]);
            Assert.Null(document["H"]);
        }

        [Fact]
        public void CommentsDirectivesAndBlankLinesBetweenDocumentsAreNotDocuments()
        {
            var entries = Read("# exported notes\n\n%YAML 1.2\n---\nA: 1\n...\n\n# next\n---\nA: 2\n...\n\n");

            Assert.Equal(new object?[] { "1", "2" }, entries.Select(e => Mapping(e)["A"]));
            Assert.Equal(4, entries[0].Line);
        }

        [Fact]
        public void WindowsLineEndsInTheFileReadLikeUnixOnes()
        {
            var entries = Read(Write(Doc(("A", "1"), ("Text", "x\ny")), Doc(("A", "2"))).Replace("\n", "\r\n"));

            Assert.Equal(new object?[] { "1", "2" }, entries.Select(e => Mapping(e)["A"]));
            Assert.Equal("x\ny", Mapping(entries[0])["Text"]);
        }

        [Fact]
        public void ReadsFilesInUtf8WithOrWithoutBomAndInUtf16()
        {
            var yaml = Write(Doc(("Title", "【面经】")));
            var folder = Directory.CreateTempSubdirectory("yaml-reader-").FullName;
            try
            {
                foreach (var encoding in new Encoding[] { new UTF8Encoding(false), new UTF8Encoding(true), new UnicodeEncoding(false, true) })
                {
                    var path = Path.Combine(folder, encoding.WebName + encoding.GetPreamble().Length + ".yaml");
                    File.WriteAllText(path, yaml, encoding);

                    Assert.Equal("【面经】", Mapping(Assert.Single(YamlStreamReader.ReadFile(path).ToList()))["Title"]);
                }
            }
            finally
            {
                Directory.Delete(folder, true);
            }
        }

        [Fact]
        public void ReadsAFileStillOpenForWriting()
        {
            var path = Path.GetTempFileName();
            try
            {
                using var writing = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read);
                using var text = new StreamWriter(writing, new UTF8Encoding(false));
                new YamlDocumentWriter(text).WriteDocument(Doc(("A", "1")));

                Assert.Equal("1", Mapping(Assert.Single(YamlStreamReader.ReadFile(path).ToList()))["A"]);
            }
            finally
            {
                File.Delete(path);
            }
        }

        [Fact]
        public void AnEmptyStreamHasNoEntries()
        {
            Assert.Empty(Read(string.Empty));
            Assert.Empty(Read("# only a comment\n\n"));
        }

        private static List<YamlEntry> Read(string yaml) => YamlStreamReader.Read(new StringReader(yaml)).ToList();

        private static Dictionary<string, object?> Mapping(YamlEntry entry)
        {
            Assert.True(entry.Kind == YamlEntryKind.Document, $"entry {entry.Number} is {entry.Kind}: {entry.Problem}");
            return ((List<KeyValuePair<string, object?>>)entry.Value!).ToDictionary(p => p.Key, p => p.Value);
        }

        private static List<KeyValuePair<string, object?>> Doc(params (string Key, object? Value)[] pairs) =>
            pairs.Select(p => new KeyValuePair<string, object?>(p.Key, p.Value)).ToList();

        private static int ProblemLine(YamlEntry entry)
        {
            var match = System.Text.RegularExpressions.Regex.Match(entry.Problem ?? string.Empty, "^line ([0-9]+), column [0-9]+: .+");
            Assert.True(match.Success, $"entry {entry.Number}: '{entry.Problem}' does not start with a line and column");
            return int.Parse(match.Groups[1].Value);
        }

        private static string Write(params List<KeyValuePair<string, object?>>[] documents) => Write(false, documents);

        private static string Write(bool startsFile, params List<KeyValuePair<string, object?>>[] documents)
        {
            var writer = new StringWriter { NewLine = "\n" };
            var yaml = new YamlDocumentWriter(writer, startsFile);
            foreach (var document in documents) yaml.WriteDocument(document);
            return writer.ToString();
        }
    }
}
