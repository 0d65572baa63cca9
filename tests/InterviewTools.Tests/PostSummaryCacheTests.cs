using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using Xunit;

namespace InterviewTools.Tests
{
    [Collection(HostedCollection.Name)]
    public sealed class PostSummaryCacheTests : IDisposable
    {
        private const string StateVariable = "INTERVIEWTOOLS_STATE_DIR";
        private readonly string? _savedState = Environment.GetEnvironmentVariable(StateVariable);
        private readonly string _state = Directory.CreateTempSubdirectory("it-cache-cmdlets-").FullName;
        private readonly RecordingHost _recorder = new RecordingHost();
        private readonly PowerShellHost _host;

        public PostSummaryCacheTests()
        {
            Environment.SetEnvironmentVariable(StateVariable, _state);
            _host = new PowerShellHost(_state, _recorder);
        }

        public void Dispose()
        {
            _host.Dispose();
            Environment.SetEnvironmentVariable(StateVariable, _savedState);
            Directory.Delete(_state, recursive: true);
        }

        private string CacheFolder => Path.Combine(_state, "cache");

        [Fact]
        public void GetListsEveryEntryOldestFirstWithItsProvenance()
        {
            var first = Seed("/posts/bytedance-first-round.txt", "gemini-3.5-flash");
            var second = Seed("/posts/rag-offer.txt", "offline-extractor", fallback: true);

            var run = _host.Run("Get-PostSummaryCache");

            Assert.Empty(run.Errors);
            Assert.Equal(2, run.Output.Count);
            Assert.All(run.Output, o => Assert.Equal("InterviewTools.PostSummaryCacheEntry", o.TypeNames[0]));
            var a = run.Output[0];
            Assert.Equal("/posts/bytedance-first-round.txt", Value<string>(a, "Source"));
            Assert.Equal("【bytedance-first-round】", Value<string>(a, "Title"));
            Assert.Equal("Gemini", Value<object>(a, "Provider").ToString());
            Assert.Equal("gemini-3.5-flash", Value<string>(a, "Model"));
            Assert.False(Value<bool>(a, "Fallback"));
            Assert.Equal(first, Value<string>(a, "ContentHash"));
            var path = Value<string>(a, "Path");
            Assert.StartsWith(CacheFolder, path);
            Assert.Equal(new FileInfo(path).Length, Value<long>(a, "SizeBytes"));
            Assert.Equal(Start, Value<DateTimeOffset>(a, "CachedAt"));
            Assert.Equal(Start.AddHours(1), Value<DateTimeOffset>(run.Output[1], "CachedAt"));
            Assert.Equal(second, Value<string>(run.Output[1], "ContentHash"));
            Assert.True(Value<bool>(run.Output[1], "Fallback"));
            Assert.Equal("Offline", Value<object>(run.Output[1], "Provider").ToString());
        }

        [Fact]
        public void GetListsOldestFirstWhateverTheFileOrder()
        {
            var sources = Enumerable.Range(1, 6).Select(i => $"/posts/post-{i}.txt").ToArray();
            foreach (var source in sources) Seed(source);

            Assert.Equal(sources, Sources(_host.Run("Get-PostSummaryCache")));
        }

        [Fact]
        public void GetOnAnEmptyOrMissingCacheWritesNothing()
        {
            var run = _host.Run("Get-PostSummaryCache -Verbose");

            Assert.Empty(run.Output);
            Assert.Empty(run.Errors);
            Assert.Contains(run.Verbose, v => v.Contains(CacheFolder) && v.Contains("0 entries"));
        }

        [Fact]
        public void SourceTakesWildcardsAndMatchesTheFileNameOrTheWholeSource()
        {
            Seed("/posts/bytedance-first-round.txt");
            Seed("/posts/bytedance-second-round.txt");
            Seed("/notes/rag-offer.txt");

            Assert.Equal(new[] { "/posts/bytedance-first-round.txt", "/posts/bytedance-second-round.txt" }, Sources(_host.Run("Get-PostSummaryCache -Source 'BYTEDANCE-*'")));
            Assert.Equal(new[] { "/notes/rag-offer.txt" }, Sources(_host.Run("Get-PostSummaryCache /notes/*")));
            Assert.Equal(new[] { "/notes/rag-offer.txt" }, Sources(_host.Run("Get-PostSummaryCache -Source rag-offer.txt")));
        }

        [Fact]
        public void ALiteralSourceThatMatchesNothingIsANonTerminatingErrorAndTheRestIsListed()
        {
            Seed("/posts/a.txt");

            var run = _host.Run("Get-PostSummaryCache -Source missing.txt, a.txt, nothing-*");

            Assert.Equal(new[] { "/posts/a.txt" }, Sources(run));
            var error = Assert.Single(run.Errors);
            Assert.Equal("PostSummaryCacheEntryNotFound", error.FullyQualifiedErrorId.Split(',')[0]);
            Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
            Assert.Equal("missing.txt", error.TargetObject);
        }

        [Fact]
        public void BeforeAfterAndFallbackFilterTheList()
        {
            Seed("/posts/old.txt");
            var between = Between();
            Seed("/posts/new.txt", fallback: true);
            var vars = new Dictionary<string, object?> { ["between"] = between };

            Assert.Equal(new[] { "/posts/old.txt" }, Sources(_host.Run("Get-PostSummaryCache -Before $between", vars)));
            Assert.Equal(new[] { "/posts/new.txt" }, Sources(_host.Run("Get-PostSummaryCache -After $between", vars)));
            Assert.Equal(new[] { "/posts/new.txt" }, Sources(_host.Run("Get-PostSummaryCache -Fallback")));
            Assert.Empty(_host.Run("Get-PostSummaryCache -Fallback -Before $between", vars).Output);
        }

        [Fact]
        public void AnUnreadableEntryIsAWarningNotAnObjectAndGetLeavesItInPlace()
        {
            Seed("/posts/good.txt");
            var broken = WriteBrokenEntry();

            var run = _host.Run("Get-PostSummaryCache");

            Assert.Equal(new[] { "/posts/good.txt" }, Sources(run));
            Assert.Contains(run.Warnings, w => w.Contains(broken) && w.Contains("Clear-PostSummaryCache"));
            Assert.True(File.Exists(broken));
        }

        [Fact]
        public void ClearWithFiltersRemovesOnlyTheSelectedEntriesAndSaysHowMany()
        {
            Seed("/posts/keep.txt");
            Seed("/posts/drop-1.txt");
            Seed("/posts/drop-2.txt", fallback: true);

            var run = _host.Run("Clear-PostSummaryCache -Source drop-* -Confirm:$false -Verbose");

            Assert.Empty(run.Errors);
            Assert.Contains(run.Verbose, v => v.StartsWith("Removed 2 cached summaries (") && v.Contains(CacheFolder));
            Assert.Equal(new[] { "/posts/keep.txt" }, Sources(_host.Run("Get-PostSummaryCache")));
        }

        [Fact]
        public void ClearFallbackKeepsRealAnswers()
        {
            Seed("/posts/real.txt", "gemini-3.5-flash");
            Seed("/posts/stand-in.txt", "offline-extractor", fallback: true);

            _host.Run("Clear-PostSummaryCache -Fallback -Confirm:$false");

            Assert.Equal(new[] { "/posts/real.txt" }, Sources(_host.Run("Get-PostSummaryCache")));
        }

        [Fact]
        public void EntriesPipedFromGetAreRemoved()
        {
            Seed("/posts/a.txt");
            var between = Between();
            Seed("/posts/b.txt");
            Seed("/posts/c.txt");

            var run = _host.Run("Get-PostSummaryCache -After $between | Clear-PostSummaryCache -Confirm:$false -Verbose", new Dictionary<string, object?> { ["between"] = between });

            Assert.Empty(run.Errors);
            Assert.Contains("Removed 2 cached summaries (", run.Verbose.Last());
            Assert.Equal(new[] { "/posts/a.txt" }, Sources(_host.Run("Get-PostSummaryCache")));
        }

        [Fact]
        public void APipedObjectThatDoesNotPointIntoTheCacheIsRefusedAndItsFileLeftAlone()
        {
            Seed("/posts/a.txt");
            var precious = Path.Combine(_state, "precious.json");
            File.WriteAllText(precious, "{}");

            var run = _host.Run(
                "$fake = Get-PostSummaryCache; $fake.Path = $precious; $fake, (Get-PostSummaryCache) | Clear-PostSummaryCache -Confirm:$false",
                new Dictionary<string, object?> { ["precious"] = precious });

            var error = Assert.Single(run.Errors);
            Assert.Equal("PostSummaryCacheEntryInvalid", error.FullyQualifiedErrorId.Split(',')[0]);
            Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
            Assert.True(File.Exists(precious));
            Assert.Empty(_host.Run("Get-PostSummaryCache").Output);
        }

        [Fact]
        public void WhatIfNamesEachEntryAndRemovesNothing()
        {
            Seed("/posts/a.txt");
            Seed("/posts/b.txt");

            var run = _host.Run("Clear-PostSummaryCache -WhatIf");

            Assert.Empty(run.Errors);
            var whatIf = _recorder.Lines.Where(l => l.StartsWith("What if:")).ToList();
            Assert.Equal(2, whatIf.Count);
            Assert.Contains(whatIf, l => l.Contains("Remove cached summary") && l.Contains("/posts/a.txt"));
            Assert.Equal(2, _host.Run("Get-PostSummaryCache").Output.Count);
        }

        [Fact]
        public void WithoutFiltersItAsksBeforeEachRemovalAndAlsoClearsUnreadableEntries()
        {
            Seed("/posts/a.txt");
            Seed("/posts/b.txt");
            var broken = WriteBrokenEntry();
            _recorder.ConfirmAnswers.Enqueue("&Yes");
            _recorder.ConfirmAnswers.Enqueue("&No");
            _recorder.ConfirmAnswers.Enqueue("&Yes");

            var run = _host.Run("Clear-PostSummaryCache");

            Assert.Empty(run.Errors);
            Assert.Equal(3, _recorder.PromptCount);
            Assert.False(File.Exists(broken));
            Assert.Single(_host.Run("Get-PostSummaryCache").Output);
        }

        [Fact]
        public void ClearingEverythingAlsoRemovesTemporaryFilesLeftByAKilledRun()
        {
            Seed("/posts/a.txt");
            var folder = Directory.GetDirectories(CacheFolder).Single();
            var leftover = Path.Combine(folder, "x.json.0123.tmp");
            File.WriteAllText(leftover, "{ half");
            File.SetLastWriteTimeUtc(leftover, DateTime.UtcNow.AddHours(-3));

            _host.Run("Clear-PostSummaryCache -Confirm:$false");

            Assert.False(File.Exists(leftover));
            Assert.Empty(Directory.GetFiles(CacheFolder, "*", SearchOption.AllDirectories));
        }

        private static readonly DateTimeOffset Start = new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);
        private int _seeded;

        /// <summary>Each entry is cached an hour after the previous one.</summary>
        private string Seed(string source, string model = "gemini-3.5-flash", bool fallback = false) =>
            CacheSeed.Write(_state, source, Start.AddHours(_seeded++), model, fallback);

        /// <summary>A moment between the entries seeded so far and the next one, as a local DateTime like Get-Date gives.</summary>
        private DateTime Between() => Start.AddHours(_seeded - 0.5).LocalDateTime;

        private string WriteBrokenEntry()
        {
            var path = Path.Combine(CacheFolder, "ee", new string('e', 64) + ".json");
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, "{ \"format\": 1, \"sour");
            return path;
        }

        private static string[] Sources(PowerShellRun run)
        {
            Assert.Null(run.Terminating);
            return run.Output.Select(o => Value<string>(o, "Source")).ToArray();
        }

        private static T Value<T>(PSObject o, string name) => (T)o.Properties[name].Value;
    }
}
