using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using InterviewTools.Engine.Summaries;
using Xunit;

namespace InterviewTools.Engine.Tests.Architecture
{
    /// <summary>The engine's folders are layers: each may use the ones below it, and none may use one that uses it back.</summary>
    public sealed class LayerTests
    {
        private static readonly System.Reflection.Assembly Engine = typeof(PostSummarizer).Assembly;

        /// <summary>What every folder may use: Common, and Resources, the messages users read (which use nothing).</summary>
        private static readonly string[] Foundation = { "Common", "Resources" };

        [Fact]
        public void NoEngineFolderUsesOneThatUsesItBack()
        {
            var graph = FolderDependencies.Of(Engine);
            var cycles = FolderDependencies.Cycles(graph);

            Assert.True(cycles.Count == 0, "Engine folders that depend on each other:\n" + string.Join("\n", cycles.Select(cycle => Describe(cycle, graph))));
        }

        [Fact]
        public void TheCycleCheckFindsABackReference()
        {
            var graph = FolderDependencies.Of(Engine);
            graph["Gemini"]["Summaries"] = "a deliberate back reference";

            var cycles = FolderDependencies.Cycles(graph);

            Assert.Contains(cycles, cycle => cycle.Contains("Gemini") && cycle.Contains("Summaries"));
        }

        [Fact]
        public void TheScanSeesAReferenceMadeOnlyInsideAMethodBody()
        {
            // PostSummarizer uses Gemini's client in method bodies and in fields; the scan must see Summaries -> Gemini.
            var graph = FolderDependencies.Of(Engine);

            Assert.Contains("Gemini", graph["Summaries"].Keys);
            Assert.Contains("Common", graph["Gemini"].Keys);
        }

        [Theory]
        [InlineData("Gemini")]
        [InlineData("Common")]
        [InlineData("Yaml")]
        [InlineData("State")]
        [InlineData("Security")]
        [InlineData("Resources")]
        public void ALeafFolderUsesNoFolderButTheFoundation(string leaf)
        {
            var graph = FolderDependencies.Of(Engine);

            var used = graph.TryGetValue(leaf, out var edges) ? edges.Where(e => !Foundation.Contains(e.Key)).Select(e => e.Value).ToList() : new List<string>();

            Assert.True(used.Count == 0, $"{leaf} should be a leaf but: {string.Join("; ", used)}");
        }

        [Fact]
        public void PostsUsesOnlyTheYamlReaderBesidesTheFoundation()
        {
            // A Markdown post's front matter is read with the engine's guarded YAML reader, and nothing else.
            var graph = FolderDependencies.Of(Engine);

            var used = graph["Posts"].Where(e => e.Key != "Yaml" && !Foundation.Contains(e.Key)).Select(e => e.Value).ToList();

            Assert.True(used.Count == 0, "Posts uses: " + string.Join("; ", used));
        }

        [Fact]
        public void EveryEngineSourceFileDeclaresTheNamespaceOfItsFolder()
        {
            var root = Path.Combine(RepositoryRoot(), "src", "InterviewTools.Engine");
            var misplaced = new List<string>();
            foreach (var file in SourceFiles(root))
            {
                var folder = Path.GetDirectoryName(Path.GetRelativePath(root, file))!;
                var expected = folder.Length == 0 ? "InterviewTools.Engine" : "InterviewTools.Engine." + folder.Replace(Path.DirectorySeparatorChar, '.');
                var declared = Regex.Matches(File.ReadAllText(file), @"^namespace ([\w.]+)", RegexOptions.Multiline).Select(m => m.Groups[1].Value)
                    .Where(ns => ns.StartsWith("InterviewTools", StringComparison.Ordinal)).ToList();
                if (declared.Any(ns => ns != expected)) misplaced.Add($"{file}: {string.Join(", ", declared)} (expected {expected})");
            }

            Assert.True(misplaced.Count == 0, string.Join("\n", misplaced));
        }

        [Fact]
        public void NoEngineFolderImportsOneThatUsesItBack()
        {
            // using directives count too, even unused ones: they are how a reader sees what a folder depends on.
            var graph = FolderDependencies.Of(Engine);
            var root = Path.Combine(RepositoryRoot(), "src", "InterviewTools.Engine");
            foreach (var file in SourceFiles(root))
            {
                var folder = Path.GetDirectoryName(Path.GetRelativePath(root, file))!.Split(Path.DirectorySeparatorChar)[0];
                var from = folder.Length == 0 ? "(root)" : folder;
                if (!graph.TryGetValue(from, out var edges)) graph[from] = edges = new Dictionary<string, string>();
                foreach (Match use in Regex.Matches(File.ReadAllText(file), @"^using InterviewTools\.Engine\.(\w+)", RegexOptions.Multiline))
                {
                    var to = use.Groups[1].Value;
                    if (to != from && !edges.ContainsKey(to)) edges[to] = $"{Path.GetFileName(file)} imports InterviewTools.Engine.{to}";
                }
            }

            var cycles = FolderDependencies.Cycles(graph);

            Assert.True(cycles.Count == 0, "Engine folders that depend on each other:\n" + string.Join("\n", cycles.Select(cycle => Describe(cycle, graph))));
        }

        private static IEnumerable<string> SourceFiles(string root) =>
            Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
                .Where(f => !f.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar) && !f.Contains(Path.DirectorySeparatorChar + "bin" + Path.DirectorySeparatorChar));

        private static string Describe(List<string> cycle, Dictionary<string, Dictionary<string, string>> graph) =>
            string.Join(", ", cycle) + ": " + string.Join("; ", cycle.SelectMany(from => graph[from].Where(e => cycle.Contains(e.Key)).Select(e => $"{from} -> {e.Key} ({e.Value})")));

        private static string RepositoryRoot()
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory != null && !File.Exists(Path.Combine(directory.FullName, "InterviewTools.sln"))) directory = directory.Parent;
            return directory?.FullName ?? throw new InvalidOperationException("Cannot find InterviewTools.sln above " + AppContext.BaseDirectory);
        }
    }
}
