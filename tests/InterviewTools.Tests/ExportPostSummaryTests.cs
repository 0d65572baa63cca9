using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Text;
using Xunit;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;
using YamlDotNet.Serialization;

namespace InterviewTools.Tests
{
    [Collection(HostedCollection.Name)]
    public sealed class ExportPostSummaryTests
    {
        [Fact]
        public void WritesUtf8WithoutBomOneDocumentPerObjectInPropertyOrder()
        {
            using var world = new HostedScenario();

            var run = world.Run("Invoke-PostSummary -Text '【面经】第一篇', '第二篇' -ThrottleLimit 1 | Export-PostSummary out.yaml");

            Assert.Empty(run.Errors);
            var bytes = File.ReadAllBytes(Path.Combine(world.Folder, "out.yaml"));
            Assert.False(bytes.Take(3).SequenceEqual(Encoding.UTF8.GetPreamble()));
            var stream = Load(Encoding.UTF8.GetString(bytes));
            Assert.Equal(2, stream.Documents.Count);
            var keys = ((YamlMappingNode)stream.Documents[0].RootNode).Children.Keys.Select(k => ((YamlScalarNode)k).Value).ToList();
            Assert.Equal(new[] { "Source", "Title", "Summary", "Experiences", "Tips", "Advice", "Questions", "Topics", "Terms", "Status", "Provider" }, keys.Take(11));
            Assert.Equal("【面经】第一篇", Scalar(stream.Documents[0], "Title"));
        }

        [Fact]
        public void EachObjectIsOnDiskBeforeTheNextArrives()
        {
            using var world = new HostedScenario();
            var path = Path.Combine(world.Folder, "stream.yaml");

            var run = world.Run(
                "1..3 | ForEach-Object { if ([IO.File]::Exists($path)) { $script:sizes += @([IO.File]::ReadAllText($path).Split('---').Count - 1) }; [pscustomobject]@{ N = $_ } } | Export-PostSummary -LiteralPath $path; $script:sizes",
                new Dictionary<string, object?> { ["path"] = path, ["sizes"] = null });

            Assert.Equal(new object[] { 1, 2 }, run.Output.Select(o => o.BaseObject).ToArray());
        }

        [Fact]
        public void NoClobberRefusesAnExistingFileAndLeavesItAlone()
        {
            using var world = new HostedScenario();
            var path = world.WritePost("keep.yaml", "precious: true\n");

            var (_, caught) = world.RunCatching("[pscustomobject]@{ A = 1 } | Export-PostSummary keep.yaml -NoClobber");

            Assert.NotNull(caught);
            Assert.Equal("NoClobber", caught!.FullyQualifiedErrorId.Split(',')[0]);
            Assert.Equal(ErrorCategory.ResourceExists, caught.CategoryInfo.Category);
            Assert.Equal("precious: true\n", File.ReadAllText(path));
        }

        [Fact]
        public void OverwriteReplacesAndAppendAdds()
        {
            using var world = new HostedScenario();
            world.WritePost("out.yaml", "old: document\n");

            world.Run("[pscustomobject]@{ Run = 1 } | Export-PostSummary out.yaml");
            world.Run("[pscustomobject]@{ Run = 2 }, [pscustomobject]@{ Run = 3 } | Export-PostSummary out.yaml -Append -NoClobber");

            var stream = Load(File.ReadAllText(Path.Combine(world.Folder, "out.yaml")));
            Assert.Equal(new[] { "1", "2", "3" }, stream.Documents.Select(d => Scalar(d, "Run")));
        }

        [Fact]
        public void AnEmptyPipelineLeavesAnExistingFileAlone()
        {
            using var world = new HostedScenario();
            var path = world.WritePost("keep.yaml", "kept: true\n");

            var run = world.Run("@() | Export-PostSummary keep.yaml");

            Assert.Empty(run.Errors);
            Assert.Equal("kept: true\n", File.ReadAllText(path));
        }

        [Fact]
        public void HashtablesAndArraysGivenWholeAreWrittenAsTheirContents()
        {
            using var world = new HostedScenario();

            world.Run("Export-PostSummary whole.yaml -InputObject @([ordered]@{ K = '值' }, [pscustomobject]@{ K = 'v2' })");

            var stream = Load(File.ReadAllText(Path.Combine(world.Folder, "whole.yaml")));
            Assert.Equal(new[] { "值", "v2" }, stream.Documents.Select(d => Scalar(d, "K")));
        }

        [Fact]
        public void BareScalarsAreRefusedOneByOne()
        {
            using var world = new HostedScenario();

            var run = world.Run("'text', 42, [pscustomobject]@{ A = 1 } | Export-PostSummary mixed.yaml");

            Assert.Equal(2, run.Errors.Count);
            Assert.All(run.Errors, e => Assert.Equal("ExportInputNotAnObject", e.FullyQualifiedErrorId.Split(',')[0]));
            Assert.Single(Load(File.ReadAllText(Path.Combine(world.Folder, "mixed.yaml"))).Documents);
        }

        [Fact]
        public void WildcardPathMeansTheOneFileItMatches()
        {
            using var world = new HostedScenario();
            world.WritePost("notes-2026.yaml", "old: 1\n");

            world.Run("[pscustomobject]@{ A = 1 } | Export-PostSummary notes-*.yaml -Append");

            Assert.Equal(2, Load(File.ReadAllText(Path.Combine(world.Folder, "notes-2026.yaml"))).Documents.Count);
            Assert.False(File.Exists(Path.Combine(world.Folder, "notes-*.yaml")));
        }

        [Fact]
        public void UnknownDriveIsANamedError()
        {
            using var world = new HostedScenario();

            var (_, caught) = world.RunCatching("[pscustomobject]@{ A = 1 } | Export-PostSummary NoSuchDrive:/x.yaml");

            Assert.Equal("PostNotFound", caught!.FullyQualifiedErrorId.Split(',')[0]);
            // The record keeps PowerShell's own cause, so `catch [System.Management.Automation.DriveNotFoundException]` works.
            Assert.IsType<System.Management.Automation.DriveNotFoundException>(caught.Exception);
            Assert.Contains("NoSuchDrive", caught.ErrorDetails.Message);
        }

        [Fact]
        public void WhatIfWritesNothing()
        {
            using var world = new HostedScenario();

            world.Run("[pscustomobject]@{ A = 1 } | Export-PostSummary out.yaml -WhatIf");

            Assert.False(File.Exists(Path.Combine(world.Folder, "out.yaml")));
        }

        [Fact]
        public void ForceOverwritesAReadOnlyFile()
        {
            using var world = new HostedScenario();
            var path = world.WritePost("ro.yaml", "old: 1\n");
            File.SetAttributes(path, FileAttributes.ReadOnly);

            var (_, forced) = world.RunCatching("[pscustomobject]@{ A = 3 } | Export-PostSummary ro.yaml -Force");

            Assert.Null(forced);
            Assert.False(File.GetAttributes(path).HasFlag(FileAttributes.ReadOnly));
            Assert.Equal("3", Scalar(Load(File.ReadAllText(path)).Documents.Single(), "A"));
        }

        [Fact]
        public void NestedCustomObjectsAndWrappedValuesAreUnwrapped()
        {
            using var world = new HostedScenario();

            world.Run("$inner = [pscustomobject]@{ Deep = [psobject]::AsPSObject('深'); List = @(1, 'two') }; [pscustomobject]@{ Name = (1 | ForEach-Object { [psobject]::AsPSObject('外') }); Inner = $inner; Map = [ordered]@{ b = 2; a = 1 }; Nothing = $null; Empty = @() } | Export-PostSummary nested.yaml");

            var yaml = File.ReadAllText(Path.Combine(world.Folder, "nested.yaml"));
            Assert.DoesNotContain("Length", yaml);
            var root = (YamlMappingNode)Load(yaml).Documents.Single().RootNode;
            Assert.Equal("外", ((YamlScalarNode)root[new YamlScalarNode("Name")]).Value);
            var inner = (YamlMappingNode)root[new YamlScalarNode("Inner")];
            Assert.Equal("深", ((YamlScalarNode)inner[new YamlScalarNode("Deep")]).Value);
            Assert.Equal(new[] { "1", "two" }, ((YamlSequenceNode)inner[new YamlScalarNode("List")]).Children.Select(c => ((YamlScalarNode)c).Value));
            Assert.Equal(new[] { "b", "a" }, ((YamlMappingNode)root[new YamlScalarNode("Map")]).Children.Keys.Select(k => ((YamlScalarNode)k).Value));
            Assert.Contains("Nothing: null\n", yaml);
            Assert.Contains("Empty: []\n", yaml);
        }

        [Fact]
        public void NonFileSystemTargetIsRefused()
        {
            using var world = new HostedScenario();

            var (_, caught) = world.RunCatching("[pscustomobject]@{ A = 1 } | Export-PostSummary Env:/NOT_A_FILE");

            Assert.Equal("PathNotFileSystem", caught!.FullyQualifiedErrorId.Split(',')[0]);
        }

        [Fact]
        public void ModuleUsesItsOwnYamlDotNetBesideAnotherVersionInTheDefaultContext()
        {
            using var world = new HostedScenario();

            var run = world.Run("[pscustomobject]@{ A = '中文' } | Export-PostSummary iso.yaml; [AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -eq 'YamlDotNet' } | ForEach-Object { $_.GetName().Version.Major }");

            Assert.Empty(run.Errors);
            Assert.Equal(new[] { 16, 18 }, run.Output.Select(o => (int)o.BaseObject).OrderBy(v => v));
            Assert.Equal(16, typeof(YamlStream).Assembly.GetName().Version!.Major);
            var context = world.Run("[System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext(([AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -eq 'InterviewTools.Engine' })).Name");
            Assert.Equal("InterviewTools", Assert.Single(context.Output).ToString());
            Assert.Contains("A: 中文", File.ReadAllText(Path.Combine(world.Folder, "iso.yaml")));
        }

        [Fact]
        public void AnyObjectIsAMappingOfItsPropertiesAndEngineObjectsAreText()
        {
            using var world = new HostedScenario();
            var file = world.WritePost(Path.Combine("a", "b", "post.txt"), "面经");

            var run = world.Run(
                "$file = [IO.FileInfo]::new($path); $file.PSObject.Properties.Add([psnoteproperty]::new('Tag', '标签')); " +
                "$error1 = [System.Management.Automation.ErrorRecord]::new([Exception]::new('boom'), 'Some.Id', 'NotSpecified', $null); " +
                "$row = [pscustomobject]@{ Name = 'x' }; $row.PSObject.Properties.Add([psscriptproperty]::new('Computed', { 6 * 7 })); " +
                "[pscustomobject]@{ Script = { Get-Date }; File = $file; Error = $error1; Type = [string]; Row = $row; Deep = @(@(1, 2), @(), [ordered]@{ k = $null }); Switch = [switch]$true; When = [datetimeoffset]::new(2026, 11, 23, 7, 0, 0, [timespan]::FromHours(8)) } | Export-PostSummary any.yaml",
                new Dictionary<string, object?> { ["path"] = file });

            Assert.Empty(run.Errors);
            var yaml = File.ReadAllText(Path.Combine(world.Folder, "any.yaml"));
            var root = DeserializeAll(yaml).Single();
            Assert.Equal("Get-Date", ((string)root["Script"]).Trim());
            Assert.Equal("boom", root["Error"]);
            Assert.Equal("System.String", root["Type"]);
            Assert.Equal("true", root["Switch"]);
            Assert.Equal("2026-11-23T07:00:00.0000000+08:00", root["When"]);
            var fileMap = (Dictionary<object, object>)root["File"];
            Assert.Equal("标签", fileMap["Tag"]);
            Assert.Equal(file, fileMap["FullName"]);
            Assert.DoesNotContain("BaseName", fileMap.Keys);
            Assert.DoesNotContain("Mode", fileMap.Keys);
            var directory = (Dictionary<object, object>)fileMap["Directory"];
            var parent = (Dictionary<object, object>)directory["Parent"];
            Assert.Equal(world.Folder, parent["Parent"]);
            Assert.Equal(new Dictionary<object, object> { ["Name"] = "x", ["Computed"] = "42" }, (Dictionary<object, object>)root["Row"]);
            var deep = (List<object>)root["Deep"];
            Assert.Equal(new object[] { "1", "2" }, (List<object>)deep[0]);
            Assert.Empty((List<object>)deep[1]);
            Assert.Contains("  - k: null\n", yaml);
            foreach (var internals in new[] { "PSObject", "BaseObject", "ImmediateBaseObject", "TypeNames", "Members", "Ast", "StartPosition", "InvocationInfo", "Assembly" })
            {
                Assert.DoesNotContain(internals + ":", yaml);
            }
        }

        [Fact]
        public void CyclesAndNestingBeyondTheLimitAreCutAsTextWithAWarning()
        {
            using var world = new HostedScenario();

            var run = world.Run(
                "$loop = @{ name = 'loop' }; $loop.self = $loop; $deep = 'bottom'; foreach ($i in 1..20) { $deep = [pscustomobject]@{ Level = $i; Inner = $deep } }; " +
                "[pscustomobject]@{ Loop = $loop; Deep = $deep } | Export-PostSummary cut.yaml");

            var root = DeserializeAll(File.ReadAllText(Path.Combine(world.Folder, "cut.yaml"))).Single();
            Assert.Equal("System.Collections.Hashtable", ((Dictionary<object, object>)root["Loop"])["self"]);
            var level = (Dictionary<object, object>)root["Deep"];
            var depth = 1;
            while (level["Inner"] is Dictionary<object, object> inner)
            {
                level = inner;
                depth++;
            }
            Assert.Equal(15, depth);
            Assert.IsType<string>(level["Inner"]);
            Assert.Contains("nested more than 16 levels", Assert.Single(run.Warnings));
        }

        [Fact]
        public void TypedRowsWithEnumsNullableTimestampsDurationsAndNumbersExportCleanly()
        {
            using var world = new HostedScenario();
            var rows = new[]
            {
                new QuotaRowSample { Model = "gemini-3.5-flash", Window = QuotaWindow.PerMinute, Used = 14, Limit = 15, Share = 0.25, ResetIn = TimeSpan.FromSeconds(42.5), RetryAt = null, CheckedAt = new DateTimeOffset(2026, 11, 23, 7, 42, 10, TimeSpan.FromHours(8)) },
                new QuotaRowSample { Model = "gemini-3.1-flash-lite", Window = QuotaWindow.PerDay, Used = -1, Limit = 10_000_000_000, Share = 1.0 / 3, ResetIn = TimeSpan.FromDays(1), RetryAt = new DateTimeOffset(2026, 11, 24, 0, 0, 0, TimeSpan.FromHours(-8)), CheckedAt = DateTimeOffset.MinValue },
            };

            var run = world.Run("$rows | Export-PostSummary quota.yaml", new Dictionary<string, object?> { ["rows"] = rows });

            Assert.Empty(run.Errors);
            Assert.Equal(
                "# InterviewTools export: every document ends with '...'; one without it was cut short.\n" +
                "---\nModel: gemini-3.5-flash\nWindow: PerMinute\nUsed: 14\nLimit: 15\nShare: 0.25\nResetIn: \"00:00:42.5000000\"\nRetryAt: null\nCheckedAt: 2026-11-23T07:42:10.0000000+08:00\n...\n" +
                "---\nModel: gemini-3.1-flash-lite\nWindow: PerDay\nUsed: -1\nLimit: 10000000000\nShare: " + (1.0 / 3).ToString("R", System.Globalization.CultureInfo.InvariantCulture) +
                "\nResetIn: \"1.00:00:00\"\nRetryAt: 2026-11-24T00:00:00.0000000-08:00\nCheckedAt: 0001-01-01T00:00:00.0000000+00:00\n...\n",
                File.ReadAllText(Path.Combine(world.Folder, "quota.yaml")));
        }

        [Fact]
        public void OtherReadersGetEveryDocumentAsPlainDictionariesWithTheSameText()
        {
            using var world = new HostedScenario();
            var summaries = AdversarialSummaries.Create(world.Run("[InterviewTools.PostSummary]").Single<Type>());

            world.Run("$files | Invoke-PostSummary -ThrottleLimit 1 | Export-PostSummary mixed.yaml; $items | Export-PostSummary mixed.yaml -Append",
                new Dictionary<string, object?> { ["files"] = world.SamplePosts(), ["items"] = summaries });

            var documents = DeserializeAll(File.ReadAllText(Path.Combine(world.Folder, "mixed.yaml")));
            Assert.Equal(2 + summaries.Count, documents.Count);
            foreach (var (document, summary) in documents.Skip(2).Zip(summaries))
            {
                var summaryText = (string)summary.GetType().GetProperty("Summary")!.GetValue(summary)!;
                Assert.Equal(summaryText, document["Summary"]);
                Assert.Equal(((string[])summary.GetType().GetProperty("Tips")!.GetValue(summary)!).Cast<object>(), (List<object>)document["Tips"]);
            }
            Assert.All(documents.Take(2), d => Assert.IsType<List<object>>(d["Questions"]));
        }

        private static YamlStream Load(string yaml)
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(yaml));
            return stream;
        }

        /// <summary>What powershell-yaml's ConvertFrom-Yaml -AllDocuments does: every document, untyped, through YamlDotNet's Deserializer.</summary>
        private static List<Dictionary<object, object>> DeserializeAll(string yaml)
        {
            var deserializer = new DeserializerBuilder().Build();
            var parser = new Parser(new StringReader(yaml));
            var documents = new List<Dictionary<object, object>>();
            parser.Consume<StreamStart>();
            while (!parser.Accept<StreamEnd>(out _)) documents.Add(deserializer.Deserialize<Dictionary<object, object>>(parser));
            return documents;
        }

        private static string? Scalar(YamlDocument document, string key) =>
            ((YamlScalarNode)((YamlMappingNode)document.RootNode)[new YamlScalarNode(key)]).Value;
    }
}
