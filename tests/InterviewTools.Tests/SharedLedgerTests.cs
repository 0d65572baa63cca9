using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using InterviewTools.FakeGemini;
using Xunit;

namespace InterviewTools.Tests
{
    /// <summary>Two PowerShell processes on one state directory, as two pwsh windows would be.</summary>
    [Collection(HostedCollection.Name)]
    public sealed class SharedLedgerTests
    {
        [Fact]
        public async Task TwoProcessesShareTheLedgerAndItsCountsMatchTheServersExactly()
        {
            var options = new FakeGeminiOptions();
            options.ModelQuotas["gemini-3.5-flash"] = new QuotaLimits(Rpm: 5, Rpd: 20);
            options.ModelQuotas["gemini-3.1-flash-lite"] = new QuotaLimits(Rpm: 15, Rpd: 500);
            // The limits are configured, so they are firm: no request goes past them to learn the tier, and the counts alone are tested.
            using var world = new HostedScenario(options, config: "limits:\n  gemini-3.5-flash: { rpm: 5, rpd: 20 }\n  gemini-3.1-flash-lite: { rpm: 15, rpd: 500 }\n");
            var script = world.WritePost("run.ps1",
                "$posts = 1..8 | ForEach-Object { \"进程 $env:IT_PROCESS 第 $_ 篇：什么是 GQA？\" }\n" +
                "Invoke-PostSummary -Text $posts -ThrottleLimit 2 -MaxWaitSec 0 | ForEach-Object { \"$($_.Status) $($_.Model)\" }\n");

            var results = await Task.WhenAll(RunAsync(script, "A"), RunAsync(script, "B"));

            var outputs = results.SelectMany(r => r.Lines.Where(l => l.StartsWith("OUT "))).ToList();
            Assert.All(results, r => Assert.True(r.ExitCode == 0, string.Join("\n", r.Lines)));
            Assert.Equal(16, outputs.Count);
            Assert.All(outputs, line => Assert.StartsWith("OUT Succeeded", line));
            Assert.DoesNotContain(world.Server.Requests, r => r.Status == 429);
            var ledger = Ledger(world);
            foreach (var ((_, model), usage) in world.Server.UsageSnapshot())
            {
                var route = ledger.Single(r => r.Model == model);
                Assert.Equal((usage.RequestsToday, usage.InputTokensToday), (route.DayRequests, route.DayTokens));
            }
            Assert.Equal(16, ledger.Sum(r => r.DayRequests));
            Assert.Equal(5, ledger.Single(r => r.Model == "gemini-3.5-flash").DayRequests);
        }

        [Fact]
        public async Task TwoProcessesOnAProjectOfUnknownTierLearnItWithOne429()
        {
            var options = new FakeGeminiOptions();
            options.ModelQuotas["gemini-3.5-flash"] = new QuotaLimits(Rpm: 5, Rpd: 20);
            options.ModelQuotas["gemini-3.1-flash-lite"] = new QuotaLimits(Rpm: 15, Rpd: 500);
            // No config.yaml: the built-in free-tier table paces the project, and one request of one process goes past it to learn the tier.
            using var world = new HostedScenario(options, config: null);
            var script = world.WritePost("tier.ps1",
                "$posts = 1..8 | ForEach-Object { \"进程 $env:IT_PROCESS 第 $_ 篇：什么是 RoPE？\" }\n" +
                "Invoke-PostSummary -Text $posts -Model gemini-3.5-flash, gemini-3.1-flash-lite -ThrottleLimit 2 -MaxWaitSec 0 | ForEach-Object { \"$($_.Status) $($_.Model)\" }\n" +
                "\"TIER $(@(Get-QuotaStatus)[0].Tier)\"\n");

            var results = await Task.WhenAll(RunAsync(script, "A"), RunAsync(script, "B"));

            var lines = results.SelectMany(r => r.Lines).ToList();
            Assert.All(results, r => Assert.True(r.ExitCode == 0, string.Join("\n", r.Lines)));
            Assert.Single(world.Server.Requests, r => r.Status == 429);
            Assert.Equal(16, lines.Count(l => l.StartsWith("OUT Succeeded")));
            Assert.True(lines.Contains("OUT TIER Free"), string.Join("\n", lines));
        }

        [Fact]
        public async Task TwoProcessesSummarizingTheSamePostsLeaveOneReadableCacheEntryEach()
        {
            using var world = new HostedScenario();
            var script = world.WritePost("same.ps1",
                "$posts = 1..10 | ForEach-Object { \"同一篇 $_：什么是 MoE？\" }\n" +
                "Invoke-PostSummary -Text $posts -ThrottleLimit 2 | ForEach-Object { \"$($_.Status)\" }\n");

            var results = await Task.WhenAll(RunAsync(script, "A"), RunAsync(script, "B"));
            var requests = world.Server.GenerateCount;
            var rerun = world.Run("Invoke-PostSummary -Text (1..10 | ForEach-Object { \"同一篇 $_：什么是 MoE？\" })");

            Assert.All(results, r => Assert.True(r.ExitCode == 0 && !r.Lines.Any(l => l.StartsWith("ERR ") || l.StartsWith("WARN ")), string.Join("\n", r.Lines)));
            Assert.Equal(20, results.Sum(r => r.Lines.Count(l => l == "OUT Succeeded")));
            var entries = Directory.GetFiles(Path.Combine(world.StateFolder, "cache"), "*.json", SearchOption.AllDirectories);
            Assert.Equal(10, entries.Length);
            Assert.All(entries, entry => JsonDocument.Parse(File.ReadAllText(entry)).Dispose());
            Assert.Empty(Directory.GetFiles(Path.Combine(world.StateFolder, "cache"), "*.tmp", SearchOption.AllDirectories));
            Assert.All(rerun.Output, o => Assert.Equal(("Succeeded", true), (((PostSummaryView)o).Status, ((PostSummaryView)o).FromCache)));
            Assert.Equal(10, rerun.Output.Count);
            Assert.Equal(requests, world.Server.GenerateCount);
        }

        private static List<(string Project, string Model, int DayRequests, long DayTokens)> Ledger(HostedScenario world)
        {
            using var document = JsonDocument.Parse(File.ReadAllText(Directory.GetFiles(world.StateFolder, "ledger*.json").Single()));
            return document.RootElement.GetProperty("Routes").EnumerateObject()
                .Select(r => (r.Value.GetProperty("Project").GetString()!, r.Value.GetProperty("Model").GetString()!, r.Value.GetProperty("DayRequests").GetInt32(), r.Value.GetProperty("DayTokens").GetInt64()))
                .ToList();
        }

        private static Task<(int ExitCode, List<string> Lines)> RunAsync(string script, string name) => ChildPowerShell.RunAsync(script, name);
    }
}
