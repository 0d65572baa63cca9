using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using InterviewTools.FakeGemini;
using Xunit;

namespace InterviewTools.Tests
{
    [Collection(HostedCollection.Name)]
    public sealed class PipelineBehaviourTests
    {
        [Fact]
        public void WhatIfReadsAndValidatesButSendsNothing()
        {
            using var world = new HostedScenario();
            world.WritePost("good.txt", "什么是 GQA？");
            world.WriteBytes("empty.txt", new byte[0]);

            var run = world.Run("Invoke-PostSummary -Path ./*.txt -WhatIf");

            Assert.Empty(run.Output);
            Assert.Equal("PostEmpty", Assert.Single(run.Errors).FullyQualifiedErrorId.Split(',')[0]);
            Assert.Empty(world.Server.Requests);
        }

        [Fact]
        public void WhatIfSaysWhatWouldBeSentForEachPost()
        {
            var host = new RecordingHost();
            using var world = new HostedScenario(host: host);
            world.WritePost("a.txt", "什么是 GQA？");
            world.WritePost("b.txt", "RoPE 怎么外推？");

            world.Run("Invoke-PostSummary -Path ./*.txt -Model gemini-2.5-flash -WhatIf");

            var whatIf = host.Lines.Where(l => l.StartsWith("What if:")).ToList();
            Assert.Equal(2, whatIf.Count);
            Assert.Contains(whatIf, l => l.Contains("a.txt") && l.Contains("gemini-2.5-flash") && l.Contains(world.Server.BaseUrl) && l.Contains("input tokens"));
            Assert.Empty(world.Server.Requests);
        }

        [Fact]
        public void WhatIfFlagsAPostTooLongForEveryRouteWithItsEstimateAndTheLimit()
        {
            var host = new RecordingHost();
            using var world = new HostedScenario(host: host, config: "limits:\n  gemini-2.5-flash: { rpm: 1000000, rpd: 100000000, tpm: 1000 }\n");
            world.WritePost("long.txt", string.Concat(Enumerable.Repeat("大模型面试八股", 300)));
            world.WritePost("short.txt", "什么是 GQA？");

            world.Run("Invoke-PostSummary -Path ./*.txt -Model gemini-2.5-flash -WhatIf");
            var run = world.Run("Invoke-PostSummary -Path ./*.txt -Model gemini-2.5-flash");

            var flagged = Assert.Single(host.Lines, l => l.StartsWith("What if:") && l.Contains("long.txt"));
            Assert.Contains("too long", flagged);
            Assert.Matches(@"about 2,\d{3} input tokens", flagged);
            Assert.Contains("(1,000, configured)", flagged);
            Assert.True(host.Lines.Any(l => l.StartsWith("What if:") && l.Contains("short.txt") && l.Contains("Summarize")), string.Join("\n", host.Lines));
            Assert.Equal("PostTooLong", Assert.Single(run.Errors).FullyQualifiedErrorId.Split(',')[0]);
            Assert.Equal(1, world.Server.GenerateCount);
        }

        [Fact]
        public void ConfirmSendsOnlyThePostsTheUserAccepts()
        {
            var host = new RecordingHost();
            host.ConfirmAnswers.Enqueue("&Yes");
            host.ConfirmAnswers.Enqueue("&No");
            host.ConfirmAnswers.Enqueue("&Yes");
            using var world = new HostedScenario(host: host);

            var run = world.Run("Invoke-PostSummary -Text '一 面经', '二 面经', '三 面经' -ThrottleLimit 1 -Confirm");

            Assert.Equal(3, host.PromptCount);
            Assert.Equal(new[] { "text:1", "text:3" }, run.Output.Select(o => ((PostSummaryView)o).Source));
            Assert.Equal(2, world.Server.GenerateCount);
        }

        [Fact]
        public async System.Threading.Tasks.Task StopCancelsTheRequestInFlightAndKeepsWhatFinished()
        {
            using var world = new HostedScenario();
            world.Server.Enqueue(FakeReply.Json("{\"summary\":\"第一篇完成\",\"experiences\":[],\"tips\":[],\"advice\":[],\"questions\":[]}"));
            for (var i = 0; i < 4; i++) world.Server.Enqueue(FakeReply.Slow(TimeSpan.FromSeconds(60), FakeReply.Json("{\"summary\":\"too late\"}")));

            var pipeline = world.Host.Start("Invoke-PostSummary -Text '一 面经', '二 面经', '三 面经', '四 面经', '五 面经' -ThrottleLimit 1");
            Assert.True(SpinWait.SpinUntil(() => pipeline.LiveOutput.Count == 1 && world.Server.GenerateCount == 2, TimeSpan.FromSeconds(20)), "the second request never started");

            var watch = Stopwatch.StartNew();
            pipeline.Shell.Stop();
            var run = await pipeline.Completion;
            watch.Stop();

            Assert.Equal(PSInvocationState.Stopped, pipeline.Shell.InvocationStateInfo.State);
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(15), $"stopping took {watch.Elapsed}");
            Assert.Equal("第一篇完成", ((PostSummaryView)Assert.Single(pipeline.LiveOutput)).Summary);
            Assert.True(SpinWait.SpinUntil(() => world.Server.AbortedRequests >= 1, TimeSpan.FromSeconds(10)), "the in-flight request was not cancelled");
            Assert.Equal(2, world.Server.GenerateCount);
        }

        [Fact]
        public void RequestsRunConcurrentlyUpToTheThrottleLimitAndNoFurther()
        {
            var options = new FakeGeminiOptions { Latency = TimeSpan.FromMilliseconds(300) };
            using var world = new HostedScenario(options);

            var run = world.Run("Invoke-PostSummary -Text (1..8 | ForEach-Object { \"第 $_ 篇 面经\" }) -ThrottleLimit 3");

            Assert.Equal(8, run.Output.Count);
            Assert.Equal(3, world.Server.MaxConcurrentGenerates);
        }

        [Fact]
        public void ResultsStreamDownstreamBeforeTheBatchEnds()
        {
            var options = new FakeGeminiOptions { Latency = TimeSpan.FromMilliseconds(100) };
            using var world = new HostedScenario(options);

            var run = world.Run("Invoke-PostSummary -Text '一 面经', '二 面经', '三 面经' -ThrottleLimit 1 | ForEach-Object { $server.GenerateCount }", new Dictionary<string, object?> { ["server"] = world.Server });

            var requestsSentWhenEachResultArrived = run.Output.Select(o => (int)o.BaseObject).ToList();
            Assert.Equal(3, requestsSentWhenEachResultArrived.Count);
            Assert.True(requestsSentWhenEachResultArrived[0] < 3, "the first result waited for the whole batch");
        }

        [Fact]
        public void TheKeyAppearsInNoStreamFileErrorOrUrl()
        {
            using var world = new HostedScenario();
            world.Server.Enqueue(FakeReply.Overloaded());
            world.Server.Enqueue(FakeReply.PerDayQuota("gemini-3.5-flash"));
            world.Server.Enqueue(FakeReply.Json("not json"));
            world.Server.Enqueue(FakeReply.DropConnection());
            world.Server.Enqueue(FakeReply.DropConnection());
            world.Server.Enqueue(FakeReply.DropConnection());
            world.Server.Enqueue(FakeReply.DropConnection());
            world.WriteBytes("empty.txt", new byte[0]);

            var runs = new List<PowerShellRun>
            {
                world.Run("Invoke-PostSummary -Text 'a 面经', 'b 面经', 'c 面经', 'd 面经' -ThrottleLimit 1 -Verbose -Debug | Export-PostSummary ./out.yaml; Invoke-PostSummary -Path ./empty.txt -Verbose"),
                world.Run("Invoke-PostSummary -Text 'e 面经' -Verbose -WhatIf"),
                world.Run("Invoke-PostSummary -Text 'f 面经' -Model gemini-1.5-flash -Verbose"),
            };
            Environment.SetEnvironmentVariable("GOOGLE_GEMINI_BASE_URL", "http://127.0.0.1:1");
            runs.Add(world.Run("Invoke-PostSummary -Text 'g 面经' -MaxRetryCount 0 -Verbose"));

            var everything = runs.SelectMany(r => r.AllText())
                .Concat(Directory.EnumerateFiles(world.Folder, "*", SearchOption.AllDirectories).Select(File.ReadAllText))
                .Concat(world.Server.Requests.Select(r => r.Url + " " + r.RawTarget))
                .ToList();
            Assert.True(everything.Count > 20);
            Assert.DoesNotContain(everything, text => text.Contains(HostedScenario.Secret));
            Assert.Contains(everything, text => text.Contains("key-"));
            Assert.Contains(runs[2].Errors, e => e.FullyQualifiedErrorId.StartsWith("GeminiNoUsableModel"));
            Assert.Contains(runs[3].Errors, e => e.FullyQualifiedErrorId.StartsWith("GeminiEndpointUnreachable"));
        }
    }
}
