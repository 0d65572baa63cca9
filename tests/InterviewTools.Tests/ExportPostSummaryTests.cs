using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Text;
using Xunit;
using YamlDotNet.RepresentationModel;

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

        private static YamlStream Load(string yaml)
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(yaml));
            return stream;
        }

        private static string? Scalar(YamlDocument document, string key) =>
            ((YamlScalarNode)((YamlMappingNode)document.RootNode)[new YamlScalarNode(key)]).Value;
    }
}
