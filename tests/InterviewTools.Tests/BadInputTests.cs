using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Text;
using InterviewTools.FakeGemini;
using Xunit;

namespace InterviewTools.Tests
{
    [Collection(HostedCollection.Name)]
    public sealed class BadInputTests
    {
        [Fact]
        public void PostLinesPipedWithoutRawGetTheirOwnErrorsAndOneHintAboutGetContentRaw()
        {
            using var world = new HostedScenario();
            var post = world.WritePost("post.txt", "【面经】字节一面\n1. 什么是 GQA？\n2. RoPE 怎么外推？");

            // what Get-Content without -Raw pipes (the hosted session has no Microsoft.PowerShell.Management)
            var run = world.Run("[IO.File]::ReadAllLines($post) | Invoke-PostSummary", new Dictionary<string, object?> { ["post"] = post });

            Assert.Empty(run.Output);
            Assert.Equal(new[] { "PostNotFound", "PostNotFound", "PostNotFound" }, run.ErrorIds);
            var hint = Assert.Single(run.Warnings);
            Assert.Contains("3 piped strings", hint);
            Assert.Contains("Get-Content post.txt -Raw", hint);
            Assert.Contains("-Text", hint);
        }

        [Fact]
        public void OneMissingFileGetsItsErrorAndNoHint()
        {
            using var world = new HostedScenario();

            var run = world.Run("'./missing.txt' | Invoke-PostSummary");

            Assert.Equal("PostNotFound", Assert.Single(run.ErrorIds));
            Assert.Empty(run.Warnings);
        }

        [Theory]
        [InlineData("Path")]
        [InlineData("Text")]
        public void AMandatoryPromptExplainsWhatToType(string parameter)
        {
            using var world = new HostedScenario();

            var run = world.Run($"(Get-Command Invoke-PostSummary).Parameters['{parameter}'].ParameterSets.Values.HelpMessage");

            Assert.Contains("-Raw", Assert.Single(run.Output).ToString());
        }

        [Fact]
        public void EveryBadInputIsANamedNonTerminatingErrorAndTheGoodPostsGoOn()
        {
            var options = new FakeGeminiOptions();
            options.Models = new List<FakeModel> { new FakeModel("gemini-3.5-flash") { InputTokenLimit = 2_000 } };
            using var world = new HostedScenario(options);
            var good1 = world.WritePost("1-good.txt", "【一面】什么是 GQA？");
            var missing = Path.Combine(world.Folder, "2-missing.txt");
            var folder = Directory.CreateDirectory(Path.Combine(world.Folder, "3-folder")).FullName;
            var empty = world.WriteBytes("4-empty.txt", new byte[0]);
            var blank = world.WritePost("5-blank.txt", "  \n\t\r\n　");
            var binary = world.WriteBytes("6-image.png", new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13 });
            var tooLong = world.WritePost("7-long.txt", string.Concat(Enumerable.Repeat("大模型面试八股", 500)));
            var good2 = world.WritePost("8-good.txt", "RoPE 怎么外推？");
            var paths = new[] { good1, missing, folder, empty, blank, binary, tooLong, good2 };

            var run = world.Run("$paths | ForEach-Object { [IO.FileInfo]::new($_) } | Invoke-PostSummary", new Dictionary<string, object?> { ["paths"] = paths });

            Assert.Null(run.Terminating);
            Assert.Equal(new[] { good1, good2 }, run.Output.Select(o => ((PostSummaryView)o).Source).OrderBy(s => s));
            var byTarget = run.Errors.ToDictionary(e => e.TargetObject!.ToString()!, e => e);
            AssertError(byTarget[missing], "PostNotFound", ErrorCategory.ObjectNotFound, missing);
            AssertError(byTarget[folder], "PostIsDirectory", ErrorCategory.InvalidType, folder);
            AssertError(byTarget[empty], "PostEmpty", ErrorCategory.InvalidData, empty);
            AssertError(byTarget[blank], "PostEmpty", ErrorCategory.InvalidData, blank);
            AssertError(byTarget[binary], "PostIsBinary", ErrorCategory.InvalidData, binary);
            AssertError(byTarget[tooLong], "PostTooLong", ErrorCategory.LimitsExceeded, tooLong);
            Assert.Equal(6, run.Errors.Count);
            Assert.Equal(2, world.Server.CountFor(RouteKind.Generate));
            Assert.Equal(1, world.Server.CountFor(RouteKind.CountTokens));
        }

        [Fact]
        public void WildcardThatMatchesNothingSaysSo()
        {
            using var world = new HostedScenario();

            var run = world.Run("Invoke-PostSummary -Path ./nothing-here/*.txt");

            AssertError(Assert.Single(run.Errors), "PostNotFound", ErrorCategory.ObjectNotFound, "nothing-here");
        }

        [Fact]
        public void NonFileSystemPathsAreRefused()
        {
            using var world = new HostedScenario();

            var run = world.Run("Invoke-PostSummary -Path Env:/PATH; Invoke-PostSummary -LiteralPath Function:/prompt");

            Assert.Equal(2, run.Errors.Count);
            Assert.All(run.Errors, e => AssertError(e, "PathNotFileSystem", ErrorCategory.InvalidArgument, "FileSystem"));
            Assert.Equal(0, world.Server.GenerateCount);
        }

        [Fact]
        public void PostTextPipedIntoPathIsExplained()
        {
            using var world = new HostedScenario();

            var run = world.Run("\"第一行`n第二行\" | Invoke-PostSummary");

            AssertError(Assert.Single(run.Errors), "PathLooksLikeText", ErrorCategory.InvalidArgument, "-Text");
        }

        [Fact]
        public void Gb18030AndUtf16PostsAreDecodedBeforeSending()
        {
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            using var world = new HostedScenario();
            const string text = "【快手大模型二面】\n1. 什么是 SwiGLU？";
            var gbk = world.WriteBytes("gbk.txt", Encoding.GetEncoding(54936).GetBytes(text));
            var utf16 = world.WriteBytes("utf16.txt", Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(text)).ToArray());
            var bom = world.WriteBytes("bom.txt", Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(text)).ToArray());

            var run = world.Run("Invoke-PostSummary -LiteralPath $paths -ThrottleLimit 1 -Force", new Dictionary<string, object?> { ["paths"] = new[] { gbk, utf16, bom } });

            Assert.Empty(run.Errors);
            Assert.Equal(new[] { text, text, text }, world.SentPostTexts());
            Assert.All(run.Output, o => Assert.Equal("【快手大模型二面】", ((PostSummaryView)o).Title));
        }

        [Fact]
        public void StrayBytesBecomeAWarningNotGarbage()
        {
            using var world = new HostedScenario();
            var bytes = Encoding.UTF8.GetBytes("什么是 GQA？").Concat(new byte[] { 0xC0 }).Concat(Encoding.UTF8.GetBytes(" 多头注意力")).ToArray();
            var path = world.WriteBytes("glitch.txt", bytes);

            var run = world.Run("Invoke-PostSummary -LiteralPath glitch.txt");

            Assert.Empty(run.Errors);
            Assert.Contains(run.Warnings, w => w.Contains(path) && w.Contains("not valid UTF-8"));
            Assert.Equal("什么是 GQA？ 多头注意力", Assert.Single(world.SentPostTexts()));
        }

        internal static void AssertError(ErrorRecord error, string id, ErrorCategory category, string mentioned)
        {
            Assert.Equal(id, error.FullyQualifiedErrorId.Split(',')[0]);
            Assert.EndsWith("InterviewTools.Commands.InvokePostSummaryCommand", error.FullyQualifiedErrorId);
            Assert.Equal(category, error.CategoryInfo.Category);
            Assert.Contains(mentioned, error.ToString());
        }
    }
}
