using System.Collections.Generic;
using System.IO;
using System.Linq;
using InterviewTools.FakeGemini;
using Xunit;
using YamlDotNet.RepresentationModel;

namespace InterviewTools.Tests
{
    [Collection(HostedCollection.Name)]
    public sealed class InvokePostSummaryEndToEndTests
    {
        [Fact]
        public void SamplePostsFlowFromFileInfoThroughExportIntoYamlWithChineseIntact()
        {
            using var world = new HostedScenario();
            var files = world.SamplePosts();
            var yamlPath = Path.Combine(world.Folder, "summaries.yaml");

            var run = world.Run("$files | Invoke-PostSummary | Export-PostSummary -Path ./summaries.yaml", new Dictionary<string, object?> { ["files"] = files });

            Assert.Null(run.Terminating);
            Assert.Empty(run.Errors);
            Assert.Equal(2, world.Server.CountFor(RouteKind.Generate));
            var yaml = File.ReadAllText(yamlPath);
            Assert.Contains("大模型", yaml);
            Assert.DoesNotContain("\\u", yaml);
            var stream = new YamlStream();
            stream.Load(new StringReader(yaml));
            Assert.Equal(2, stream.Documents.Count);
            var sources = stream.Documents.Select(d => ((YamlScalarNode)((YamlMappingNode)d.RootNode)[new YamlScalarNode("Source")]).Value).OrderBy(s => s);
            Assert.Equal(files.Select(f => f.FullName).OrderBy(s => s), sources);
            var first = (YamlMappingNode)stream.Documents[0].RootNode;
            Assert.Equal("Succeeded", ((YamlScalarNode)first[new YamlScalarNode("Status")]).Value);
        }

        [Fact]
        public void EachPostYieldsOnePostSummaryWithProvenance()
        {
            using var world = new HostedScenario();
            var files = world.SamplePosts();

            var run = world.Run("$files | Invoke-PostSummary", new Dictionary<string, object?> { ["files"] = files });

            Assert.Empty(run.Errors);
            Assert.Equal(2, run.Output.Count);
            Assert.All(run.Output, o => Assert.Equal("InterviewTools.PostSummary", o.TypeNames[0]));
            var fineTuning = run.Output.Select(o => (PostSummaryView)o).Single(s => s.Source.EndsWith("xhs-finetuning-questions.txt"));
            Assert.Equal("Succeeded", fineTuning.Status);
            Assert.Equal("gemini-3.5-flash", fineTuning.Model);
            Assert.Matches("^key-[0-9a-f]{8}$", fineTuning.KeyId);
            Assert.Equal(1, fineTuning.Attempts);
            Assert.True(fineTuning.InputTokens > 0);
            Assert.StartsWith("sha256:", fineTuning.ContentHash);
            Assert.Contains("大模型面试", fineTuning.Topics);
            Assert.NotEmpty(fineTuning.Summary);
            Assert.NotEmpty(fineTuning.Questions);
        }

        [Fact]
        public void SentTextHasNoEmojiCodesAndKeepsTheQuestions()
        {
            using var world = new HostedScenario();
            var file = world.SamplePosts().Single(f => f.Name == "xhs-finetuning-questions.txt");

            world.Run("$file | Invoke-PostSummary", new Dictionary<string, object?> { ["file"] = file });

            var sent = Assert.Single(world.SentPostTexts());
            Assert.DoesNotContain("[清单R]", sent);
            Assert.DoesNotContain("[话题]", sent);
            Assert.Contains("15.微调过程中如何处理数据不平衡问题?对微调效果有何影响?", sent);
        }

        [Fact]
        public void WildcardPathsResolveAgainstThePowerShellLocation()
        {
            using var world = new HostedScenario();
            world.WritePost("posts/a.txt", "【一面】什么是 GQA？");
            world.WritePost("posts/b.txt", "RoPE 怎么外推？");
            world.WritePost("posts/c.md", "not matched");

            var run = world.Run("Invoke-PostSummary -Path posts/*.txt");

            Assert.Empty(run.Errors);
            Assert.Equal(new[] { "a.txt", "b.txt" }, run.Output.Select(o => Path.GetFileName(((PostSummaryView)o).Source)).OrderBy(n => n));
        }

        [Fact]
        public void PathStringsFromThePipelineBindByValue()
        {
            using var world = new HostedScenario();
            world.WritePost("one.txt", "什么是 LoRA？");

            var run = world.Run("'./one.txt' | Invoke-PostSummary");

            Assert.Empty(run.Errors);
            Assert.EndsWith("one.txt", ((PostSummaryView)Assert.Single(run.Output)).Source);
        }

        [Fact]
        public void LiteralPathTakesBracketsLiterally()
        {
            using var world = new HostedScenario();
            world.WritePost("a[1].txt", "什么是 MHA？");

            var run = world.Run("Invoke-PostSummary -LiteralPath 'a[1].txt'");

            Assert.Empty(run.Errors);
            Assert.EndsWith("a[1].txt", ((PostSummaryView)Assert.Single(run.Output)).Source);
        }

        [Fact]
        public void TextParameterMakesEachStringOnePost()
        {
            using var world = new HostedScenario();

            var run = world.Run("Invoke-PostSummary -Text '【面经】第一篇', '第二篇 #面经[话题]#'");

            Assert.Empty(run.Errors);
            var summaries = run.Output.Select(o => (PostSummaryView)o).OrderBy(s => s.Source).ToList();
            Assert.Equal(new[] { "text:1", "text:2" }, summaries.Select(s => s.Source));
            Assert.Equal("【面经】第一篇", summaries[0].Title);
            Assert.Equal(new[] { "面经" }, summaries[1].Topics);
        }

        [Fact]
        public void TextObjectsBindByPropertyName()
        {
            using var world = new HostedScenario();

            var run = world.Run("[pscustomobject]@{ Text = '什么是 KV Cache？' } | Invoke-PostSummary");

            Assert.Empty(run.Errors);
            Assert.Equal("text:1", ((PostSummaryView)Assert.Single(run.Output)).Source);
        }

        [Fact]
        public void PromptAndModelParametersReachTheRequest()
        {
            using var world = new HostedScenario();

            world.Run("Invoke-PostSummary -Text '什么是 GQA？' -Prompt '只列出面试题' -Model models/gemini-2.5-flash");

            var request = world.Server.Requests.Single(r => r.Route == RouteKind.Generate);
            Assert.Equal("gemini-2.5-flash", request.Model);
            Assert.Contains("只列出面试题", request.Body);
            Assert.Contains("\"thinkingBudget\":0", request.Body);
        }

        [Fact]
        public void ProgressIsReportedAndCompleted()
        {
            using var world = new HostedScenario();

            var run = world.Run("Invoke-PostSummary -Text 'a 面经', 'b 面经'");

            Assert.NotEmpty(run.Progress);
            Assert.Equal(System.Management.Automation.ProgressRecordType.Completed, run.Progress.Last().RecordType);
        }

        [Fact]
        public void FormatDataShipsWithTheModule()
        {
            using var world = new HostedScenario();

            var run = world.Run("(Get-Module InterviewTools).ExportedFormatFiles | ForEach-Object { [IO.Path]::GetFileName($_) }");

            Assert.Equal("InterviewTools.format.ps1xml", Assert.Single(run.Output).ToString());
        }
    }
}
