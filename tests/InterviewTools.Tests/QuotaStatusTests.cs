using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Xml.Linq;
using InterviewTools.FakeGemini;
using Xunit;

namespace InterviewTools.Tests
{
    [Collection(HostedCollection.Name)]
    public sealed class QuotaStatusTests
    {
        private const string Preferred = "gemini-3.5-flash";
        private const string Next = "gemini-3.1-flash-lite";

        [Fact]
        public void ADailyQuotaMovesThePostToTheNextModelAndGetQuotaStatusShowsWhyUntilWhen()
        {
            using var world = new HostedScenario();
            world.Server.Enqueue(FakeReply.PerDayQuota(Preferred, 20, TimeSpan.FromSeconds(18.597309548)), Preferred);

            var run = world.Run("Invoke-PostSummary -Text '什么是 GQA？' -Verbose");
            var status = world.Run("Get-QuotaStatus");

            var summary = (PostSummaryView)Assert.Single(run.Output);
            Assert.Equal(("Succeeded", Next, 2), (summary.Status, summary.Model, summary.Attempts));
            Assert.Contains(summary.Switches, s => s.Contains(Preferred) && s.Contains(Next) && s.Contains("ExhaustedToday"));
            Assert.Contains(run.Verbose, v => v.Contains("switched") && v.Contains("key-"));
            var exhausted = Row(status, Preferred);
            Assert.Equal("ExhaustedToday", exhausted.Properties["State"].Value.ToString());
            Assert.Equal("429 RESOURCE_EXHAUSTED: GenerateRequestsPerDayPerProjectPerModel-FreeTier, limit: 20; retry in 18.6s", (string)exhausted.Properties["LastError"].Value);
            Assert.Equal(0, exhausted.Properties["RemainingToday"].Value);
            Assert.Equal(BadAnswerAndServiceErrorTests.NextPacificMidnight().LocalDateTime, (DateTime)exhausted.Properties["ResetsAt"].Value);
            var next = Row(status, Next);
            Assert.Equal(("Available", 1), (next.Properties["State"].Value.ToString(), (int)next.Properties["RequestsToday"].Value));
            Assert.Equal(20, (int)Row(status, Preferred).Properties["RequestsPerDayLimit"].Value);
        }

        [Fact]
        public async System.Threading.Tasks.Task TheNextRunInANewProcessDoesNotCallAnExhaustedModelAgainThatDay()
        {
            using var world = new HostedScenario();
            world.Server.Enqueue(FakeReply.PerDayQuota(Preferred, 20, TimeSpan.FromSeconds(18)), Preferred);
            world.Run("Invoke-PostSummary -Text 'a 面经'");
            var script = world.WritePost("next.ps1", "Invoke-PostSummary -Text 'b 面经', 'c 面经' | ForEach-Object { $_.Model }");

            var (exitCode, lines) = await ChildPowerShell.RunAsync(script, "next");

            Assert.True(exitCode == 0, string.Join("\n", lines));
            Assert.Equal(new[] { "OUT " + Next, "OUT " + Next }, lines.Where(l => l.StartsWith("OUT ")));
            Assert.Single(world.Server.Requests, r => r.Route == RouteKind.Generate && r.Model == Preferred);
        }

        [Fact]
        public void ARetiredModelShowsAsRetiredForEveryKeyUntilReset()
        {
            using var world = new HostedScenario();
            world.Server.Enqueue(FakeReply.NotFound(Preferred), Preferred);

            world.Run("Invoke-PostSummary -Text 'a 面经'");
            var retired = world.Run("Get-QuotaStatus -Model gemini-3.5* -State Retired");
            var whatIf = world.Run("Reset-QuotaStatus -Model gemini-3.5-flash -WhatIf; Get-QuotaStatus -Model gemini-3.5-flash");
            var reset = world.Run("Reset-QuotaStatus -Model gemini-3.5-flash -Verbose; Get-QuotaStatus -Model gemini-3.5-flash");

            Assert.Equal(Preferred, Assert.Single(retired.Output).Properties["Model"].Value);
            Assert.Equal("Retired", Assert.Single(whatIf.Output).Properties["State"].Value.ToString());
            Assert.Equal("Available", Assert.Single(reset.Output).Properties["State"].Value.ToString());
            Assert.Contains(reset.Verbose, v => v.Contains("Cleared"));
        }

        [Fact]
        public void AnInvalidKeyIsSetAsideAndShownAsKeyDisabledWithItsFingerprintOnly()
        {
            using var world = new HostedScenario();
            const string bad = "AIzaSy-REFUSED-BY-THE-FAKE-000";

            var run = world.Run($"Invoke-PostSummary -Text 'a 面经', 'b 面经' -ApiKey '{bad}', $env:GEMINI_API_KEY -ThrottleLimit 1");
            var status = world.Run("Get-QuotaStatus -State KeyDisabled");

            Assert.All(run.Output, o => Assert.Equal("Succeeded", ((PostSummaryView)o).Status));
            Assert.Contains(run.Warnings, w => w.Contains("set aside") && w.Contains("API key not valid"));
            Assert.Single(world.Server.Requests, r => r.ApiKeyHeader == bad);
            Assert.NotEmpty(status.Output);
            Assert.All(status.Output, row => Assert.Contains("API key not valid", (string)row.Properties["LastError"].Value));
            Assert.DoesNotContain(bad, string.Join("\n", run.AllText().Concat(status.AllText())) + File.ReadAllText(Directory.GetFiles(world.StateFolder, "ledger*.json").Single()));
        }

        [Fact]
        public void ResetNeedsATargetAndAllClearsEverything()
        {
            using var world = new HostedScenario();
            world.Run("Invoke-PostSummary -Text 'a 面经'");

            var missing = world.Run("Reset-QuotaStatus");
            var all = world.Run("Reset-QuotaStatus -All -Confirm:$false; Get-QuotaStatus -Model gemini-3.5-flash");

            Assert.Equal("ResetTargetMissing", Assert.Single(missing.ErrorIds));
            Assert.Equal(0, (int)Assert.Single(all.Output).Properties["RequestsToday"].Value);
        }

        [Fact]
        public void ResetNamesWhatMatchesNothingAsNotFoundAndGoesOn()
        {
            using var world = new HostedScenario();
            world.Run("Invoke-PostSummary -Text 'a 面经'");

            var run = world.Run("Reset-QuotaStatus -Project nosuch; Reset-QuotaStatus -Model nosuch; Reset-QuotaStatus -KeyId key-00000000; " +
                                "Reset-QuotaStatus -Model gemini-3.5-flash -Verbose; 'after'");

            Assert.Equal(new[] { "ResetTargetNotFound", "ResetTargetNotFound", "ResetTargetNotFound" }, run.ErrorIds);
            Assert.All(run.Errors, e => Assert.Equal(ErrorCategory.ObjectNotFound, e.CategoryInfo.Category));
            Assert.Equal(new object[] { "nosuch", "nosuch", "key-00000000" }, run.Errors.Select(e => e.TargetObject).ToArray());
            Assert.Contains("project 'nosuch'", run.Errors[0].Exception.Message);
            Assert.Contains("model 'nosuch'", run.Errors[1].Exception.Message);
            Assert.Single(run.Verbose, v => v.StartsWith("Cleared"));
            Assert.Equal("after", Assert.Single(run.Output).ToString());
        }

        [Fact]
        public void PipedRowsResetEachDistinctTargetOnce()
        {
            using var world = new HostedScenario();
            world.Run("Invoke-PostSummary -Text 'a 面经'");

            var run = world.Run("$row = Get-QuotaStatus -Model gemini-3.5-flash; $row, $row, $row | Reset-QuotaStatus -Verbose");

            Assert.Empty(run.Errors);
            Assert.Single(run.Verbose, v => v.StartsWith("Cleared"));
        }

        [Fact]
        public void ResetAllAsksFirstAndNoKeepsTheLedger()
        {
            var host = new RecordingHost();
            host.ConfirmAnswers.Enqueue("&No");
            using var world = new HostedScenario(host: host);
            world.Run("Invoke-PostSummary -Text 'a 面经'");

            var refused = world.Run("Reset-QuotaStatus -All; Get-QuotaStatus -Model gemini-3.5-flash");
            var forced = world.Run("Reset-QuotaStatus -All -Confirm:$false; Get-QuotaStatus -Model gemini-3.5-flash");

            Assert.Equal(1, host.PromptCount);
            Assert.Equal(1, (int)Assert.Single(refused.Output).Properties["RequestsToday"].Value);
            Assert.Equal(0, (int)Assert.Single(forced.Output).Properties["RequestsToday"].Value);
        }

        [Fact]
        public void WithoutKeysOrLedgerThereAreNoRowsAndRefreshSaysWhy()
        {
            using var world = new HostedScenario();
            Environment.SetEnvironmentVariable("GEMINI_API_KEY", null);

            var run = world.Run("Get-QuotaStatus -Refresh");

            Assert.Empty(run.Output);
            Assert.Equal("ApiKeyMissing", Assert.Single(run.ErrorIds));
            Assert.Empty(world.Server.Requests);
        }

        [Fact]
        public void RefreshListsTheModelsWithoutSpendingGenerateQuotaAndMarksUnlistedChainModelsRetired()
        {
            var options = new FakeGeminiOptions();
            options.Models.RemoveAll(m => m.Id == "gemini-3.5-flash-lite");
            using var world = new HostedScenario(options);

            var run = world.Run("Get-QuotaStatus -Refresh");

            Assert.Equal(1, world.Server.CountFor(RouteKind.ListModels));
            Assert.Equal(0, world.Server.GenerateCount);
            Assert.Contains(run.Warnings, w => w.Contains("gemini-3.5-flash-lite") && w.Contains("does not list"));
            Assert.Equal("Retired", Row(run, "gemini-3.5-flash-lite").Properties["State"].Value.ToString());
            Assert.Equal("Available", Row(run, Preferred).Properties["State"].Value.ToString());
        }

        [Fact]
        public void RefreshAgainstARefusedEndpointSaysSoOnceAndStillShowsTheLedger()
        {
            using var world = new HostedScenario();
            var refused = RefusedEndpoint.Reserve();
            Environment.SetEnvironmentVariable("GOOGLE_GEMINI_BASE_URL", refused);

            var run = world.Run("Get-QuotaStatus -Refresh");

            var error = Assert.Single(run.Errors);
            Assert.Equal("GeminiEndpointUnreachable", error.FullyQualifiedErrorId.Split(',')[0]);
            Assert.Contains(refused, error.ToString());
            Assert.DoesNotContain(run.Warnings, w => w.Contains("Could not list the models"));
            Assert.NotEmpty(run.Output);
        }

        [Fact]
        public void EveryScriptBlockOfTheTableViewRunsOnARealRow()
        {
            using var world = new HostedScenario(config: null);
            world.Server.Enqueue(FakeReply.PerDayQuota(Preferred, 20), Preferred);
            world.Run("Invoke-PostSummary -Text 'a 面经'");
            var format = XDocument.Load(Path.Combine(Path.GetDirectoryName(Repository.ModuleManifest)!, "InterviewTools.format.ps1xml"));
            var blocks = format.Descendants("View").Single(v => (string?)v.Element("Name") == "InterviewTools.QuotaStatus").Descendants("ScriptBlock").Select(b => b.Value).ToList();

            var run = world.Run("$row = Get-QuotaStatus -Model gemini-3.5-flash; foreach ($text in $blocks) { $row | ForEach-Object ([scriptblock]::Create($text)) }",
                new Dictionary<string, object?> { ["blocks"] = blocks });

            Assert.Empty(run.Errors);
            Assert.Equal(4, blocks.Count);
            Assert.Matches(@"^key-[0-9a-f]{8} \((project .+, )?tier Free\)$", run.Output[0].ToString());   // the group heading: the 429 named a -FreeTier quota
            Assert.Equal("0/5", run.Output[1].ToString());
            Assert.Equal("0/20", run.Output[2].ToString());
            Assert.Equal(BadAnswerAndServiceErrorTests.NextPacificMidnight().LocalDateTime.ToString("HH:mm"), run.Output[3].ToString());
        }

        [Fact]
        public void KeysFromTheListVariableAndTheConfigFileFormOnePoolWithTheirProjectLabels()
        {
            var options = new FakeGeminiOptions();
            options.Keys["AIzaSy-SECOND-PROJECT-KEY-0002"] = "project-second";
            options.Keys["AIzaSy-CONFIG-FILE-KEY-0003"] = "project-third";
            using var world = new HostedScenario(options, config:
                "builtInLimits: false\nmodels: [gemini-3.5-flash]\nkeys:\n  - project: third\n    env: IT_THIRD_KEY\n  - project: broken\n    env: IT_UNSET_VARIABLE\n");
            Environment.SetEnvironmentVariable("GEMINI_API_KEY", null);
            Environment.SetEnvironmentVariable("GEMINI_API_KEYS", $"first={HostedScenario.Secret};second=AIzaSy-SECOND-PROJECT-KEY-0002");
            Environment.SetEnvironmentVariable("IT_THIRD_KEY", "AIzaSy-CONFIG-FILE-KEY-0003");
            try
            {
                var run = world.Run("Invoke-PostSummary -Text (1..6 | ForEach-Object { \"第 $_ 篇 面经\" }) -ThrottleLimit 1; Get-QuotaStatus");

                var projects = run.Output.Where(o => o.Properties["Project"] != null && o.Properties["State"] != null).Select(o => (string)o.Properties["Project"].Value).ToList();
                var configErrors = run.Errors.Where(e => e.FullyQualifiedErrorId.StartsWith("ConfigEntryInvalid")).ToList();
                Assert.Equal(2, configErrors.Count);
                Assert.All(configErrors, e => Assert.Contains("IT_UNSET_VARIABLE", e.ToString()));
                Assert.Equal(new[] { "first", "second", "third" }, projects.OrderBy(p => p));
                Assert.Equal(new[] { HostedScenario.Project, "project-second", "project-third" },
                    world.Server.Requests.Where(r => r.Route == RouteKind.Generate).Select(r => r.Project).Distinct().OrderBy(p => p));
            }
            finally
            {
                Environment.SetEnvironmentVariable("IT_THIRD_KEY", null);
            }
        }

        [Fact]
        public void TheLegacyLogsFailureIsRescuedByTheOtherProjectOnTheSameModelAndTheRetiredModelIsNeverSent()
        {
            var options = new FakeGeminiOptions();
            options.Keys["AIzaSyATTa-SECOND-PROJECT-KEY"] = "project-second";
            using var world = new HostedScenario(options);
            world.Server.Enqueue(FakeReply.PerDayQuota(), "gemini-2.5-flash-lite");

            var run = world.Run("Invoke-PostSummary -Text '很多人问我如何准备大模型的面试' -Model gemini-2.5-flash-lite, gemini-1.5-flash " +
                "-ApiKey $env:GEMINI_API_KEY, 'AIzaSyATTa-SECOND-PROJECT-KEY' -Verbose");

            var summary = (PostSummaryView)Assert.Single(run.Output);
            Assert.Equal(("Succeeded", "gemini-2.5-flash-lite"), (summary.Status, summary.Model));
            Assert.Contains(run.Warnings, w => w.Contains("gemini-1.5-flash is dropped"));
            var switched = Assert.Single(run.Verbose, v => v.Contains("switched"));
            Assert.Contains("ExhaustedToday", switched);
            Assert.Matches("key-[0-9a-f]{8}.*-> gemini-2.5-flash-lite via key-[0-9a-f]{8}", switched);
            Assert.DoesNotContain("AIzaSy", string.Join("\n", run.AllText()));
            Assert.DoesNotContain(world.Server.Requests, r => r.Model == "gemini-1.5-flash");
        }

        [Fact]
        public void APipedRowResetsOnlyWhatItsStateIsAbout()
        {
            var options = new FakeGeminiOptions();
            options.Keys["AIzaSy-SECOND-PROJECT-KEY-0002"] = "project-second";
            using var world = new HostedScenario(options);
            const string bad = "AIzaSy-REFUSED-BY-THE-FAKE-000";
            world.Server.Enqueue(FakeReply.PerDayQuota(Preferred, 20), Preferred);
            world.Run($"Invoke-PostSummary -Text 'a 面经', 'b 面经', 'c 面经' -ApiKey '{bad}', $env:GEMINI_API_KEY -ThrottleLimit 1");

            var reset = world.Run("Get-QuotaStatus -State KeyDisabled | Reset-QuotaStatus; Get-QuotaStatus");

            Assert.DoesNotContain(reset.Output, row => row.Properties["State"].Value.ToString() == "KeyDisabled");
            Assert.Contains(reset.Output, row => (string)row.Properties["Model"].Value == Preferred && row.Properties["State"].Value.ToString() == "ExhaustedToday");
            Assert.Contains(reset.Output, row => (string)row.Properties["Model"].Value == Next && (int)row.Properties["RequestsToday"].Value > 0);
        }

        [Fact]
        public void AnUnknownKeyFoundOnlyAtGenerateStopsTheRunAtOnceWhenTheModelListIsCached()
        {
            using var world = new HostedScenario();
            world.Run("Get-QuotaStatus -Refresh");

            var (run, caught) = world.RunCatching("Invoke-PostSummary -Text 'a 面经', 'b 面经' -ApiKey 'AIzaSy-NOT-A-REAL-KEY-42' -ThrottleLimit 1");

            Assert.Equal("GeminiNoUsableKey", caught!.FullyQualifiedErrorId.Split(',')[0]);
            Assert.Empty(run.Output);
            Assert.DoesNotContain(run.ErrorIds, id => id == "GeminiKeyRejected");
        }

        [Fact]
        public void QuotaRowsExportAsYamlMappingsWithTheirPropertiesInOrder()
        {
            using var world = new HostedScenario(config: null);
            world.Run("Invoke-PostSummary -Text 'a 面经'");

            var run = world.Run("Get-QuotaStatus | Export-PostSummary ./quota.yaml");

            Assert.Empty(run.Errors);
            var yaml = new YamlDotNet.RepresentationModel.YamlStream();
            yaml.Load(new StringReader(File.ReadAllText(Path.Combine(world.Folder, "quota.yaml"))));
            Assert.Equal(3, yaml.Documents.Count);
            var first = (YamlDotNet.RepresentationModel.YamlMappingNode)yaml.Documents[0].RootNode;
            Assert.Equal(new[] { "KeyId", "Project", "Model", "State" }, first.Children.Keys.Take(4).Select(k => k.ToString()));
            Assert.Equal("1", first.Children[new YamlDotNet.RepresentationModel.YamlScalarNode("RequestsToday")].ToString());
            Assert.Equal("20", first.Children[new YamlDotNet.RepresentationModel.YamlScalarNode("RequestsPerDayLimit")].ToString());
        }

        [Fact]
        public async System.Threading.Tasks.Task AWaitForQuotaShowsItsRouteAndEndInProgressAndCtrlCStopsIt()
        {
            using var world = new HostedScenario(config: "builtInLimits: false\nlimits:\n  gemini-3.5-flash: { rpm: 1 }\n");

            var pipeline = world.Host.Start("Invoke-PostSummary -Text 'a 面经', 'b 面经' -Model gemini-3.5-flash -ThrottleLimit 1 -MaxWaitSec 120");
            var waiting = System.Threading.SpinWait.SpinUntil(() => pipeline.Shell.Streams.Progress.Any(p => p.StatusDescription.StartsWith("Waiting until")), TimeSpan.FromSeconds(20));
            var watch = System.Diagnostics.Stopwatch.StartNew();
            pipeline.Shell.Stop();
            await pipeline.Completion;

            Assert.True(waiting, "no progress record announced the wait");
            var record = pipeline.Shell.Streams.Progress.First(p => p.StatusDescription.StartsWith("Waiting until"));
            Assert.Contains("1/1 requests this minute", record.StatusDescription);
            Assert.Matches(@"\(gemini-3\.5-flash via key-[0-9a-f]{8} \([^)]+\): 1/1 requests", record.StatusDescription);
            Assert.InRange(record.SecondsRemaining, 50, 62);
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"stopping a wait took {watch.Elapsed}");
            Assert.Equal(1, world.Server.GenerateCount);
        }

        [Fact]
        public void ACorruptLedgerIsReportedSetAsideAndRebuiltWhileTheRunGoesOn()
        {
            using var world = new HostedScenario();
            world.Run("Invoke-PostSummary -Text 'a 面经'");
            var ledger = Directory.GetFiles(world.StateFolder, "ledger*.json").Single();
            File.WriteAllText(ledger, "{ \"Routes\": { \"x\": [");

            var status = world.Run("Get-QuotaStatus");
            var run = world.Run("Invoke-PostSummary -Text 'b 面经', 'c 面经'");

            Assert.Contains(status.Warnings, w => w.Contains(Path.GetFileName(ledger)) && w.Contains("unreadable"));
            Assert.Empty(run.Errors);
            Assert.All(run.Output, o => Assert.Equal("Succeeded", ((PostSummaryView)o).Status));
            Assert.Contains(run.Warnings, w => w.Contains(".corrupt-") && w.Contains("rebuilt"));
            Assert.Single(Directory.GetFiles(world.StateFolder, "ledger*.json.corrupt-*"));
            Assert.Contains("DayRequests", File.ReadAllText(ledger));
        }

        private static PSObject Row(PowerShellRun run, string model) => run.Output.Single(o => (string)o.Properties["Model"].Value == model);
    }
}
