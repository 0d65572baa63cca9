using System;
using System.IO;
using System.Linq;
using System.Text;
using InterviewTools.FakeGemini;
using Xunit;
using YamlDotNet.RepresentationModel;

namespace InterviewTools.Tests
{
    [Collection(HostedCollection.Name)]
    public sealed class OfflineProviderTests
    {
        [Fact]
        public void WithNoKeyAnywhereTheMainJobRunsOfflineWithOneWarningAndWritesYaml()
        {
            using var world = new HostedScenario();
            Environment.SetEnvironmentVariable("GEMINI_API_KEY", null);
            Environment.SetEnvironmentVariable("GOOGLE_GEMINI_BASE_URL", "http://127.0.0.1:1");

            var run = world.Run("$posts | Invoke-PostSummary | Export-PostSummary ./summaries.yaml", new System.Collections.Generic.Dictionary<string, object?> { ["posts"] = world.SamplePosts() });

            Assert.Empty(run.Errors);
            var warning = Assert.Single(run.Warnings);
            Assert.Contains("GEMINI_API_KEY", warning);
            Assert.Contains("GEMINI_API_KEYS", warning);
            Assert.Empty(world.Server.Requests);
            var yaml = new YamlStream();
            yaml.Load(new StringReader(File.ReadAllText(Path.Combine(world.Folder, "summaries.yaml"), Encoding.UTF8)));
            Assert.Equal(world.SamplePosts().Length, yaml.Documents.Count);
            var documents = yaml.Documents.Select(d => (YamlMappingNode)d.RootNode).ToDictionary(d => Path.GetFileName(Scalar(d, "Source")));
            Assert.All(documents.Values, d => Assert.Equal(("Offline", "offline-extractive"), (Scalar(d, "Provider"), Scalar(d, "Model"))));
            Assert.All(documents.Values, d => Assert.NotEmpty(Scalar(d, "Summary")));
            Assert.Equal(15, ((YamlSequenceNode)documents["xhs-finetuning-questions.txt"].Children[new YamlScalarNode("Questions")]).Children.Count);
            Assert.NotEmpty(((YamlSequenceNode)documents["xhs-llm-interview-prep.txt"].Children[new YamlScalarNode("Advice")]).Children);
        }

        [Fact]
        public void ASummaryInAStringNamesItsSourceStatusAndTitle()
        {
            using var world = new HostedScenario();

            var run = world.Run("$s = Invoke-PostSummary -Text '【面经】字节一面\n什么是 GQA？' -Provider Offline; \"Done: $s\"");

            Assert.Equal("Done: text:1 (Succeeded): 【面经】字节一面", Assert.Single(run.Output).ToString());
        }

        [Fact]
        public void GetQuotaStatusWithNoKeyAndAFreshLedgerSaysWhyItShowsNothing()
        {
            using var world = new HostedScenario();
            Environment.SetEnvironmentVariable("GEMINI_API_KEY", null);

            var run = world.Run("Get-QuotaStatus");

            Assert.Empty(run.Output);
            var warning = Assert.Single(run.Warnings);
            Assert.Contains("no API key", warning);
            Assert.Contains("GEMINI_API_KEY", warning);
        }

        private static string Scalar(YamlMappingNode node, string key) => ((YamlScalarNode)node.Children[new YamlScalarNode(key)]).Value!;

        [Fact]
        public void ProviderOfflineSendsNothingEvenWithAKey()
        {
            using var world = new HostedScenario();

            var run = world.Run("Invoke-PostSummary -Text '【面经】字节一面\n1. 什么是 GQA？\n2. RoPE 和绝对位置编码的区别？\n#大模型[话题]#' -Provider Offline");

            var summary = (PostSummaryView)Assert.Single(run.Output);
            Assert.Equal(("Succeeded", "Offline", false), (summary.Status, summary.Provider, summary.Fallback));
            Assert.Equal("【面经】字节一面", summary.Title);
            Assert.Equal(new[] { "什么是 GQA？", "RoPE 和绝对位置编码的区别？" }, summary.Questions);
            Assert.Equal(new[] { "大模型" }, summary.Topics);
            Assert.Empty(run.Warnings);
            Assert.Empty(world.Server.Requests);
        }

        [Fact]
        public void ProviderGeminiWithoutAKeyStillStopsWithApiKeyMissing()
        {
            using var world = new HostedScenario();
            Environment.SetEnvironmentVariable("GEMINI_API_KEY", null);

            var (_, caught) = world.RunCatching("Invoke-PostSummary -Text 'a 面经' -Provider Gemini");

            Assert.Equal("ApiKeyMissing", caught!.FullyQualifiedErrorId.Split(',')[0]);
        }

        [Fact]
        public void WhatIfNeedsNoKeyOffline()
        {
            using var world = new HostedScenario();
            Environment.SetEnvironmentVariable("GEMINI_API_KEY", null);

            var run = world.Run("Invoke-PostSummary -Text 'a 面经' -WhatIf");

            Assert.Empty(run.Errors);
            Assert.Empty(run.Output);
        }

        [Fact]
        public void FallbackOfflineGivesADeferredPostAnOfflineSummaryMarkedAsFallback()
        {
            using var world = new HostedScenario();
            world.Server.Enqueue(FakeReply.PerDayQuota("gemini-3.5-flash", 20), "gemini-3.5-flash");

            var run = world.Run("Invoke-PostSummary -Text '1. 什么是 GQA？', '2. 什么是 MoE？' -Model gemini-3.5-flash -Fallback Offline -ThrottleLimit 1");

            Assert.Equal(2, run.Output.Count);
            Assert.All(run.Output.Select(o => (PostSummaryView)o), summary =>
            {
                Assert.Equal(("Succeeded", "Offline", true), (summary.Status, summary.Provider, summary.Fallback));
                Assert.Equal(BadAnswerAndServiceErrorTests.NextPacificMidnight(), summary.RetryAt);
                Assert.NotEmpty(summary.Questions);
            });
            Assert.Contains(run.Warnings, w => w.Contains("2 of them got an offline summary (Fallback)"));
            Assert.Equal(1, world.Server.GenerateCount);
        }
    }
}
