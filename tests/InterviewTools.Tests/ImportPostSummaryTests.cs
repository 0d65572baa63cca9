using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Text;
using Xunit;

namespace InterviewTools.Tests
{
    [Collection(HostedCollection.Name)]
    public sealed class ImportPostSummaryTests
    {
        [Fact]
        public void SampleSummariesComeBackEqualInEveryProperty()
        {
            using var world = new HostedScenario();

            var run = world.Run("$script:original = @($files | Invoke-PostSummary -ThrottleLimit 1); $original | Export-PostSummary samples.yaml; $original",
                new Dictionary<string, object?> { ["files"] = world.SamplePosts() });
            var back = world.Run("Import-PostSummary samples.yaml");

            Assert.Empty(run.Errors);
            Assert.Empty(back.Errors);
            Assert.Equal(2, run.Output.Count);
            Assert.All(run.Output, o => Assert.Equal("Succeeded", ((PostSummaryView)o).Status));
            SummaryComparison.AssertSame(run.Output, back.Output);
            Assert.All(back.Output, o => Assert.Equal("InterviewTools.PostSummary", o.TypeNames[0]));
        }

        [Fact]
        public void AdversarialTextTimestampsDurationsAndNullsComeBackExactly()
        {
            using var world = new HostedScenario();
            var summaries = AdversarialSummaries.Create(SummaryType(world));

            var export = world.Run("$items | Export-PostSummary adversarial.yaml", new Dictionary<string, object?> { ["items"] = summaries });
            var back = world.Run("Import-PostSummary adversarial.yaml");

            Assert.Empty(export.Errors);
            Assert.Empty(back.Errors);
            Assert.Empty(back.Warnings);
            SummaryComparison.AssertSame(summaries.Select(PSObject.AsPSObject).ToList(), back.Output);
        }

        [Fact]
        public void AppendAcrossTwoRunsInTwoRunspacesKeepsBothRuns()
        {
            using var world = new HostedScenario();
            var first = world.Run("$s = @(Invoke-PostSummary -Text '第一次 面经', '第一次 二' -ThrottleLimit 1); $s | Export-PostSummary notes.yaml; $s");
            PowerShellRun second;
            using (var later = new PowerShellHost(world.Folder))
            {
                second = later.Run("$s = @(Invoke-PostSummary -Text '第二次 面经'); $s | Export-PostSummary notes.yaml -Append; $s");
            }

            var back = world.Run("Import-PostSummary notes.yaml");

            Assert.Empty(first.Errors.Concat(second.Errors).Concat(back.Errors));
            SummaryComparison.AssertSame(first.Output.Concat(second.Output).ToList(), back.Output);
        }

        [Fact]
        public void NoClobberLeavesAnEarlierExportReadable()
        {
            using var world = new HostedScenario();
            var earlier = world.Run("$s = @(Invoke-PostSummary -Text '原来的 面经'); $s | Export-PostSummary keep.yaml; $s");

            var (_, caught) = world.RunCatching("Invoke-PostSummary -Text '新的 面经' | Export-PostSummary keep.yaml -NoClobber");
            var back = world.Run("Import-PostSummary keep.yaml");

            Assert.Equal("NoClobber", caught!.FullyQualifiedErrorId.Split(',')[0]);
            SummaryComparison.AssertSame(earlier.Output, back.Output);
        }

        [Fact]
        public void ATornLastDocumentIsSkippedWithAWarningAtEveryCutPoint()
        {
            using var world = new HostedScenario();
            var whole = world.Run("$s = @($files | Invoke-PostSummary -ThrottleLimit 1) + @(Invoke-PostSummary -Text \"多行`r`n文本 with: marks`n---`n...\"); $s | Export-PostSummary whole.yaml; $s",
                new Dictionary<string, object?> { ["files"] = world.SamplePosts() }).Output;
            var bytes = File.ReadAllBytes(Path.Combine(world.Folder, "whole.yaml"));
            var lastStart = Encoding.UTF8.GetString(bytes).LastIndexOf("\n---\n", StringComparison.Ordinal) + 1;
            lastStart = Encoding.UTF8.GetByteCount(Encoding.UTF8.GetString(bytes).Substring(0, lastStart));
            var cuts = Enumerable.Range(lastStart, bytes.Length - lastStart + 1).ToArray();

            var rows = ImportEachCut(world, bytes, cuts);

            Assert.Empty(rows.Errors);
            Assert.Equal(cuts.Length, rows.Output.Count);
            var earlierSources = string.Join("|", whole.Take(2).Select(o => ((PostSummaryView)o).Source));
            foreach (var (row, cut) in rows.Output.Zip(cuts))
            {
                var count = (int)row.Properties["Count"].Value;
                var warning = (string)row.Properties["Warning"].Value;
                var sources = (string)row.Properties["Sources"].Value;
                if (cut >= bytes.Length - 1)
                {
                    Assert.True(count == 3 && warning.Length == 0, $"cut at {cut} of {bytes.Length}: the document is whole but read {count}, warned '{warning}'");
                }
                else if (cut == lastStart)
                {
                    Assert.True(count == 2 && warning.Length == 0, $"cut at {cut}: no third document begun, but read {count}, warned '{warning}'");
                }
                else
                {
                    Assert.True(count == 2, $"cut at {cut}: read {count} summaries, expected the 2 whole ones");
                    Assert.Contains((string)row.Properties["Name"].Value, warning);
                    Assert.Contains("last document (3, line", warning);
                }
                Assert.StartsWith(earlierSources, sources);
            }
        }

        [Fact]
        public void BadDocumentsInTheMiddleAreNamedErrorsAndTheRestImports()
        {
            using var world = new HostedScenario();
            world.Run("Invoke-PostSummary -Text '一 面经' | Export-PostSummary mixed.yaml; [pscustomobject]@{ Title = 'no source' } | Export-PostSummary mixed.yaml -Append; " +
                      "[pscustomobject]@{ Source = 'x'; Attempts = 'many' } | Export-PostSummary mixed.yaml -Append");
            var path = Path.Combine(world.Folder, "mixed.yaml");
            File.AppendAllText(path, "---\nSource: [unclosed\n...\n---\nSource: cut short\nSummary: half\n");
            world.Run("[pscustomobject]@{ Source = 'text:9'; Summary = '最后'; FutureField = @{ Nested = 1 }; Status = 'Cached' } | Export-PostSummary mixed.yaml -Append");

            var (run, caught) = world.RunCatching("Import-PostSummary mixed.yaml");

            Assert.Null(caught);
            Assert.Equal(new[] { "text:1", "text:9" }, run.Output.Select(o => ((PostSummaryView)o).Source));
            Assert.Equal(("Succeeded", true), (((PostSummaryView)run.Output[1]).Status, ((PostSummaryView)run.Output[1]).FromCache));
            Assert.Equal(new[] { "ImportNotAPostSummary", "ImportNotAPostSummary", "ImportYamlInvalid", "ImportDocumentCutShort" }, run.ErrorIds);
            Assert.All(run.Errors, e => Assert.Equal(ErrorCategory.InvalidData, e.CategoryInfo.Category));
            Assert.All(run.Errors, e => Assert.Equal(path, e.TargetObject));
            Assert.Equal(new[] { 2, 3, 4, 5 }, run.Errors.Select(e => DocumentNumber(e.Exception.Message)));
            Assert.Contains("no Source", run.Errors[0].Exception.Message);
            Assert.Contains("Attempts should be a whole number, not 'many'", run.Errors[1].Exception.Message);
        }

        [Fact]
        public void PathsFollowThePowerShellLocationAndFilesPipeByName()
        {
            using var world = new HostedScenario();
            var sub = Directory.CreateDirectory(Path.Combine(world.Folder, "sub")).FullName;
            world.Run("$ExecutionContext.SessionState.Path.SetLocation('sub')");

            var written = world.Run("$a = @(Invoke-PostSummary -Text '相对 面经'); $a | Export-PostSummary ./rel-1.yaml; $b = @(Invoke-PostSummary -Text '第二 面经'); $b | Export-PostSummary rel-2.yaml; $a; $b");
            var byWildcard = world.Run("Import-PostSummary rel*.yaml");
            var byLiteral = world.Run("Import-PostSummary -LiteralPath ./rel-1.yaml");
            var piped = world.Run("$ExecutionContext.SessionState.Path.CurrentFileSystemLocation.ProviderPath | ForEach-Object { [IO.DirectoryInfo]::new($_).GetFiles('*.yaml') } | Import-PostSummary");

            Assert.True(File.Exists(Path.Combine(sub, "rel-1.yaml")));
            Assert.False(File.Exists(Path.Combine(Environment.CurrentDirectory, "rel-1.yaml")));
            Assert.False(File.Exists(Path.Combine(world.Folder, "rel-1.yaml")));
            SummaryComparison.AssertSame(written.Output, byWildcard.Output);
            SummaryComparison.AssertSame(written.Output.Take(1).ToList(), byLiteral.Output);
            Assert.Equal(2, piped.Output.Count);
            Assert.Empty(byWildcard.Errors.Concat(byLiteral.Errors).Concat(piped.Errors));
        }

        [Fact]
        public void MissingFilesAndDirectoriesAreNamedErrorsAndTheOtherPathsGoOn()
        {
            using var world = new HostedScenario();
            world.Run("Invoke-PostSummary -Text '好的 面经' | Export-PostSummary good.yaml");
            Directory.CreateDirectory(Path.Combine(world.Folder, "folder.yaml"));

            var run = world.Run("Import-PostSummary -LiteralPath missing.yaml, folder.yaml, good.yaml; Import-PostSummary nothing-*.yaml");

            Assert.Single(run.Output);
            Assert.Equal(new[] { "ImportFileNotFound", "ImportPathIsDirectory", "ImportFileNotFound" }, run.ErrorIds);
            Assert.EndsWith("missing.yaml", (string)run.Errors[0].TargetObject);
        }

        [Fact]
        public void AnExportStillBeingWrittenCanBeImported()
        {
            using var world = new HostedScenario();

            var run = world.Run(
                "$script:counts = @(); 1..3 | ForEach-Object { if ($_ -gt 1) { $script:counts += @(Import-PostSummary live.yaml).Count }; [pscustomobject]@{ Source = \"text:$_\"; Summary = '进行中' } } | Export-PostSummary live.yaml; $script:counts");

            Assert.Empty(run.Errors);
            Assert.Equal(new object[] { 1, 2 }, run.Output.Select(o => o.BaseObject).ToArray());
        }

        [Theory]
        [InlineData("powershell-yaml-list.yaml", 2)]
        [InlineData("powershell-yaml-one.yaml", 1)]
        [InlineData("powershell-yaml-documents.yaml", 2)]
        public void FilesPowershellYamlWroteWithoutEndMarkersImportEqualToTheExport(string name, int count)
        {
            using var world = new HostedScenario();
            var folder = Path.Combine(Repository.Root, "tests", "data", "foreign");

            var reference = world.Run("Import-PostSummary -LiteralPath $path", new Dictionary<string, object?> { ["path"] = Path.Combine(folder, "export-postsummary.yaml") });
            var foreign = world.Run("Import-PostSummary -LiteralPath $path", new Dictionary<string, object?> { ["path"] = Path.Combine(folder, name) });

            Assert.Empty(reference.Errors.Concat(foreign.Errors));
            Assert.Empty(reference.Warnings.Concat(foreign.Warnings));
            Assert.Equal(2, reference.Output.Count);
            Assert.Equal("Deferred", ((PostSummaryView)reference.Output[1]).Status);
            SummaryComparison.AssertSame(reference.Output.Take(count).ToList(), foreign.Output);
        }

        [Theory]
        [InlineData("convertto-json.json", "it looks like JSON (line 1 opens with '[')")]
        [InlineData("export-csv.csv", "it looks like CSV (line 1 is a row of comma-separated fields)")]
        public void AJsonOrCsvFileIsOneErrorThatSaysWhatItIsNotATornWriteWarning(string name, string says)
        {
            using var world = new HostedScenario();
            var path = Path.Combine(Repository.Root, "tests", "data", "foreign", name);

            var run = world.Run("Import-PostSummary -LiteralPath $path", new Dictionary<string, object?> { ["path"] = path });

            Assert.Empty(run.Output);
            Assert.Empty(run.Warnings);
            var error = Assert.Single(run.Errors);
            Assert.Equal("ImportFileNotYaml", error.FullyQualifiedErrorId.Split(',')[0]);
            Assert.Equal(ErrorCategory.InvalidData, error.CategoryInfo.Category);
            Assert.Equal(path, error.TargetObject);
            Assert.Equal($"'{path}' is not a YAML file of objects: {says}. Nothing was imported from it.", error.Exception.Message);
        }

        /// <summary>Each is written as the second document of an export (lines 5 on: a header, then document 1 on lines 2-4), and on its own as a whole file.</summary>
        public static IEnumerable<object[]> BrokenDocuments() => new[]
        {
            new object[] { "issue-13", "keys: [unclosed\nmodels: {\n", "line 7, column 1: a '[' or '{' before this point is not closed" },
            new object[] { "tab", "Source: a\n\tTitle: b\n", "line 6, column 9: while scanning a plain scalar, found a tab character" },
            new object[] { "nul", "Source: a\0\n", "line 6, column 10: the character U+0000 is not allowed in YAML: the file may be binary" },
            new object[] { "unknown-alias", "Source: a\nTips: *unknown\n", "line 7, column 7: the alias '*unknown' names no anchor defined before it." },
            new object[] { "lone-brace", "{\n", "line 7, column 1: while parsing a node, did not find expected node content." },
            new object[] { "nested-10000", new string('[', 10_000) + "\n", "line 6, column 201: nested more than 200 levels deep." },
            new object[] { "stray-quote", "Source: \"a\nTitle: b\n", "line 6, column 9: while scanning a multi-line double-quoted scalar, found wrong indentation." },
        };

        [Theory]
        [MemberData(nameof(BrokenDocuments))]
        public void ABrokenDocumentIsOneErrorNamingFileDocumentAndRealLineAndTheOthersImport(string name, string text, string problem)
        {
            using var world = new HostedScenario();
            var files = new Dictionary<string, object?> { ["between"] = name + "-between.yaml", ["whole"] = name + ".yaml" };
            world.Run("[pscustomobject]@{ Source = 'text:1' } | Export-PostSummary $between", files);
            var path = Path.Combine(world.Folder, name + "-between.yaml");
            File.AppendAllText(path, "---\n" + text + "...\n");
            world.Run("[pscustomobject]@{ Source = 'text:3' } | Export-PostSummary $between -Append", files);
            File.WriteAllText(Path.Combine(world.Folder, name + ".yaml"), text);

            var run = world.Run("Import-PostSummary $between", files);
            var whole = world.Run("Import-PostSummary $whole", files);

            Assert.Equal(new[] { "text:1", "text:3" }, run.Output.Select(o => ((PostSummaryView)o).Source));
            var error = Assert.Single(run.Errors);
            Assert.Equal("ImportYamlInvalid", error.FullyQualifiedErrorId.Split(',')[0]);
            var expected = $"'{path}', document 2: not valid YAML, {problem}";
            Assert.True(error.Exception.Message.StartsWith(expected, StringComparison.Ordinal), $"expected '{expected}…', got '{error.Exception.Message}'");
            Assert.Empty(whole.Output);
            var wholeError = Assert.Single(whole.Errors);
            Assert.Contains(wholeError.FullyQualifiedErrorId.Split(',')[0], new[] { "ImportYamlInvalid", "ImportFileNotYaml" });
            Assert.Contains(name + ".yaml", wholeError.Exception.Message);
            foreach (var message in new[] { error.Exception.Message, wholeError.Exception.Message })
            {
                Assert.DoesNotContain("Operation is not valid", message);
                Assert.DoesNotContain("Line: ", message);
            }
            Assert.Empty(run.Warnings.Concat(whole.Warnings));
        }

        [Fact]
        public void AnExportKilledDuringItsFirstDocumentIsTornAtEveryCutPoint()
        {
            using var world = new HostedScenario();
            world.Run("Invoke-PostSummary -Text \"多行`r`n文本 with: marks`n---`n...\" | Export-PostSummary whole.yaml");
            var bytes = File.ReadAllBytes(Path.Combine(world.Folder, "whole.yaml"));
            var documentStart = Encoding.UTF8.GetByteCount(Encoding.UTF8.GetString(bytes).Split('\n')[0]) + 1;
            var cuts = Enumerable.Range(documentStart + 1, bytes.Length - documentStart - 2).ToArray();

            var rows = ImportEachCut(world, bytes, cuts);

            Assert.Empty(rows.Errors);
            Assert.Equal(cuts.Length, rows.Output.Count);
            foreach (var (row, cut) in rows.Output.Zip(cuts))
            {
                Assert.True((int)row.Properties["Count"].Value == 0, $"cut at {cut} of {bytes.Length}: a torn first document was imported");
                Assert.Contains("the last document (1, line 2) is incomplete", (string)row.Properties["Warning"].Value);
            }
        }

        /// <summary>Writes the file cut at each byte offset and imports each copy: one row per cut, with its name, count, warnings and sources.</summary>
        private static PowerShellRun ImportEachCut(HostedScenario world, byte[] bytes, int[] cuts)
        {
            var torn = Directory.CreateDirectory(Path.Combine(world.Folder, "torn")).FullName;
            foreach (var cut in cuts) File.WriteAllBytes(Path.Combine(torn, $"cut-{cut:D6}.yaml"), bytes.AsSpan(0, cut).ToArray());
            return world.Run(
                "foreach ($file in $files) { $read = @(Import-PostSummary -LiteralPath $file.FullName -WarningVariable warned -WarningAction SilentlyContinue); " +
                "[pscustomobject]@{ Name = $file.Name; Count = $read.Count; Warning = (@($warned) -join '|'); Sources = (@($read.Source) -join '|') } }",
                new Dictionary<string, object?> { ["files"] = new DirectoryInfo(torn).GetFiles().OrderBy(f => f.Name, StringComparer.Ordinal).ToArray() });
        }

        private static Type SummaryType(HostedScenario world) => world.Run("[InterviewTools.PostSummary]").Single<Type>();

        private static int DocumentNumber(string message)
        {
            var marker = "document ";
            var start = message.IndexOf(marker, StringComparison.Ordinal) + marker.Length;
            return int.Parse(new string(message.Skip(start).TakeWhile(char.IsDigit).ToArray()));
        }
    }
}
