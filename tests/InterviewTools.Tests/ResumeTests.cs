using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using InterviewTools.FakeGemini;
using Xunit;

namespace InterviewTools.Tests
{
    /// <summary>Reruns spend requests only on what is missing: the result cache in the scenario's state directory.</summary>
    [Collection(HostedCollection.Name)]
    public sealed class ResumeTests
    {
        private static readonly string[] Twenty = Enumerable.Range(1, 20).Select(i => $"第 {i} 篇面经：什么是 GQA？").ToArray();

        [Fact]
        public void ASecondRunOverTheSame20PostsMakesNoRequestAndEmitsThemSucceededFromCache()
        {
            using var world = new HostedScenario();

            var first = world.Run("Invoke-PostSummary -Text $posts -ThrottleLimit 4", Posts(Twenty));
            var requests = world.Server.Requests.Count;
            var second = world.Run("Invoke-PostSummary -Text $posts -ThrottleLimit 4 -Verbose", Posts(Twenty));

            Assert.All(first.Output, o => Assert.Equal("Succeeded", ((PostSummaryView)o).Status));
            Assert.Equal(20, second.Output.Count);
            Assert.All(second.Output, o => Assert.Equal(("Succeeded", true), (((PostSummaryView)o).Status, ((PostSummaryView)o).FromCache)));
            Assert.All(first.Output, o => Assert.False(((PostSummaryView)o).FromCache));
            Assert.Equal(first.Output.Select(o => ((PostSummaryView)o).CompletedAt).OrderBy(t => t), second.Output.Select(o => ((PostSummaryView)o).CompletedAt).OrderBy(t => t));
            Assert.Equal(requests, world.Server.Requests.Count);
            Assert.Equal(20, world.Server.GenerateCount);
            Assert.Equal(first.Output.Select(o => ((PostSummaryView)o).Summary).OrderBy(s => s), second.Output.Select(o => ((PostSummaryView)o).Summary).OrderBy(s => s));
            Assert.Contains(second.Verbose, v => v.Contains("from the result cache"));
            Assert.All(LedgerDayRequests(world), count => Assert.True(count <= 20));
        }

        [Fact]
        public void ForceSummarizesAgainAndAChangedPromptIsADifferentEntry()
        {
            using var world = new HostedScenario();

            world.Run("Invoke-PostSummary -Text $posts", Posts(Twenty[..3]));
            var forced = world.Run("Invoke-PostSummary -Text $posts -Force", Posts(Twenty[..3]));
            var otherPrompt = world.Run("Invoke-PostSummary -Text $posts -Prompt '只列出面试题'", Posts(Twenty[..3]));

            Assert.All(forced.Output.Concat(otherPrompt.Output), o => Assert.Equal("Succeeded", ((PostSummaryView)o).Status));
            Assert.Equal(9, world.Server.GenerateCount);
        }

        [Fact]
        public void FailedAndDeferredPostsAreTriedAgainOnTheNextRun()
        {
            using var world = new HostedScenario();
            world.Server.Enqueue(FakeReply.InvalidArgument("Invalid JSON payload received."));
            world.Server.Enqueue(FakeReply.PerDayQuota("gemini-3.5-flash", 20), "gemini-3.5-flash");

            var first = world.Run("Invoke-PostSummary -Text $posts -Model gemini-3.5-flash -ThrottleLimit 1", Posts(Twenty[..2]));
            world.Run("Reset-QuotaStatus -Model gemini-3.5-flash");
            var second = world.Run("Invoke-PostSummary -Text $posts -Model gemini-3.5-flash -ThrottleLimit 1", Posts(Twenty[..2]));

            Assert.Equal(new[] { "Deferred", "Failed" }, first.Output.Select(o => ((PostSummaryView)o).Status).OrderBy(s => s));
            Assert.Equal(new[] { "Succeeded", "Succeeded" }, second.Output.Select(o => ((PostSummaryView)o).Status));
        }

        [Fact]
        public async Task ARunStoppedMidBatchThenRerunSendsNothingForFinishedPostsAndTheYamlHoldsEveryPostOnce()
        {
            using var world = new HostedScenario(new FakeGeminiOptions { Latency = TimeSpan.FromMilliseconds(150) });
            var folder = Path.Combine(world.Folder, "posts");
            Directory.CreateDirectory(folder);
            for (var i = 0; i < Twenty.Length; i++) File.WriteAllText(Path.Combine(folder, $"post-{i + 1:00}.txt"), Twenty[i]);
            var files = new DirectoryInfo(folder).GetFiles().OrderBy(f => f.Name).ToArray();
            const string job = "$files | Invoke-PostSummary -ThrottleLimit 2 | Export-PostSummary ./summaries.yaml";

            var pipeline = world.Host.Start(job, new Dictionary<string, object?> { ["files"] = files });
            Assert.True(SpinWait.SpinUntil(() => CacheEntryCount(world) >= 6, TimeSpan.FromSeconds(30)), "the first run never got going");
            pipeline.Shell.Stop();
            await pipeline.Completion;
            Assert.Equal(System.Management.Automation.PSInvocationState.Stopped, pipeline.Shell.InvocationStateInfo.State);
            var finishedBeforeStop = CachedSources(world).Select(source => File.ReadAllText(source)).ToList();
            Assert.InRange(finishedBeforeStop.Count, 6, Twenty.Length - 1);
            var requestsBeforeRerun = world.Server.Requests.Count(r => r.Route == RouteKind.Generate);

            var rerun = world.Run(job, new Dictionary<string, object?> { ["files"] = files });

            Assert.Empty(rerun.Errors);
            var resent = world.Server.Requests.Where(r => r.Route == RouteKind.Generate).Skip(requestsBeforeRerun).Select(PostText).ToList();
            Assert.Empty(resent.Intersect(finishedBeforeStop));
            Assert.Equal(Twenty.Length - finishedBeforeStop.Count, resent.Count);
            var imported = world.Run("Import-PostSummary ./summaries.yaml").Output.Select(o => (PostSummaryView)o).ToList();
            Assert.Equal(files.Select(f => f.Name).OrderBy(n => n), imported.Select(s => Path.GetFileName(s.Source)).OrderBy(n => n));
            Assert.Equal(finishedBeforeStop.Count, imported.Count(s => s.FromCache));
            Assert.All(imported, s => Assert.Equal("Succeeded", s.Status));
        }

        [Fact]
        public void AFallbackIsKeptWhileTheQuotaIsGoneAndUpgradedWhenItReturns()
        {
            using var world = new HostedScenario();
            world.Server.Enqueue(FakeReply.PerDayQuota("gemini-3.5-flash", 20), "gemini-3.5-flash");
            const string job = "Invoke-PostSummary -Text $posts -Model gemini-3.5-flash";

            var fallback = world.Run(job + " -Fallback Offline", Posts(Twenty[..1]));
            var kept = world.Run(job, Posts(Twenty[..1]));
            world.Run("Reset-QuotaStatus -Model gemini-3.5-flash");
            var upgraded = world.Run(job, Posts(Twenty[..1]));
            var cached = world.Run(job, Posts(Twenty[..1]));

            Assert.Equal(("Succeeded", "Offline", true), Shape(fallback));
            Assert.Equal(("Succeeded", "Offline", true), Shape(kept));
            Assert.True(((PostSummaryView)kept.Output[0]).FromCache);
            Assert.Equal(("Succeeded", "Gemini", false), Shape(upgraded));
            Assert.Equal(("Succeeded", "Gemini", false), Shape(cached));
            Assert.True(((PostSummaryView)cached.Output[0]).FromCache);
            Assert.False(((PostSummaryView)upgraded.Output[0]).FromCache);
            Assert.Equal(2, world.Server.GenerateCount);
        }

        [Fact]
        public void ACorruptCacheEntryIsDroppedWithAWarningAndSummarizedAgain()
        {
            using var world = new HostedScenario();
            world.Run("Invoke-PostSummary -Text $posts", Posts(Twenty[..1]));
            var entry = Directory.GetFiles(Path.Combine(world.StateFolder, "cache"), "*.json", SearchOption.AllDirectories).Single();
            File.WriteAllText(entry, "{ \"contentHash\": ");

            var rerun = world.Run("Invoke-PostSummary -Text $posts", Posts(Twenty[..1]));

            Assert.Equal("Succeeded", ((PostSummaryView)Assert.Single(rerun.Output)).Status);
            Assert.Contains(rerun.Warnings, w => w.Contains(Path.GetFileName(entry)) || w.Contains("cache"));
            Assert.Equal(2, world.Server.GenerateCount);
        }

        private static (string, string, bool) Shape(PowerShellRun run)
        {
            var summary = (PostSummaryView)Assert.Single(run.Output);
            return (summary.Status, summary.Provider, summary.Fallback);
        }

        private static Dictionary<string, object?> Posts(string[] posts) => new Dictionary<string, object?> { ["posts"] = posts };

        private static int CacheEntryCount(HostedScenario world)
        {
            var folder = Path.Combine(world.StateFolder, "cache");
            return Directory.Exists(folder) ? Directory.GetFiles(folder, "*.json", SearchOption.AllDirectories).Length : 0;
        }

        private static string PostText(RecordedRequest request) =>
            JsonDocument.Parse(request.Body).RootElement.GetProperty("contents")[0].GetProperty("parts")[0].GetProperty("text").GetString()!;

        /// <summary>The sources the result cache holds, read from its entry files (format 2: the record under "summary").</summary>
        private static List<string> CachedSources(HostedScenario world) =>
            Directory.GetFiles(Path.Combine(world.StateFolder, "cache"), "*.json", SearchOption.AllDirectories)
                .Select(path => JsonDocument.Parse(File.ReadAllText(path)).RootElement.GetProperty("summary").GetProperty("source").GetString()!)
                .ToList();

        private static IEnumerable<int> LedgerDayRequests(HostedScenario world)
        {
            using var document = JsonDocument.Parse(File.ReadAllText(Directory.GetFiles(world.StateFolder, "ledger*.json").Single()));
            return document.RootElement.GetProperty("Routes").EnumerateObject().Select(r => r.Value.GetProperty("DayRequests").GetInt32()).ToList();
        }
    }
}
