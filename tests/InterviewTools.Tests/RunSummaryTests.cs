using System.Linq;
using System.Management.Automation;
using InterviewTools.FakeGemini;
using Xunit;

namespace InterviewTools.Tests
{
    /// <summary>The end of a run: one InformationRecord with the RunSummary and one -Verbose line, true to what was sent and spent.</summary>
    [Collection(HostedCollection.Name)]
    public sealed class RunSummaryTests
    {
        [Fact]
        public void TheRunSummaryCountsWhatTheServerSawAndWhatEveryPostCarries()
        {
            var options = new FakeGeminiOptions { CachedPromptTokens = 5 };
            options.ModelQuotas["gemini-3.5-flash"] = new QuotaLimits(Rpd: 2);
            using var world = new HostedScenario(options, config: "builtInLimits: false\nmodels: [gemini-3.5-flash, gemini-3.1-flash-lite]\n" +
                "limits:\n  gemini-3.1-flash-lite: { rpm: 1000, rpd: 50 }\n");
            world.WritePost("bad.txt", string.Empty);

            var run = world.Run("$results = Invoke-PostSummary -Text (1..4 | ForEach-Object { \"第 $_ 篇面经：问了 GQA\" }) -ThrottleLimit 1 -InformationVariable info -Verbose; " +
                "$results += Invoke-PostSummary -Path ./bad.txt, ./missing.txt -InformationVariable +info -ErrorAction SilentlyContinue; " +
                "$results; $info | Where-Object Tags -Contains 'InterviewTools.RunSummary'");

            var posts = run.Output.Where(o => o.TypeNames.Contains("InterviewTools.PostSummary")).ToList();
            var records = run.Output.Select(o => o.BaseObject).OfType<InformationRecord>().ToList();
            Assert.Equal(2, records.Count);
            var summary = PSObject.AsPSObject(records[0].MessageData);
            var second = PSObject.AsPSObject(records[1].MessageData);
            Assert.Equal("InterviewTools.RunSummary", summary.TypeNames[0]);
            Assert.Equal((4, 4, 0, 0, 0), (Int(summary, "Posts"), Int(summary, "Succeeded"), Int(summary, "Failed"), Int(summary, "Deferred"), Int(summary, "Unreadable")));
            Assert.Equal((2, 0, 2), (Int(second, "Posts"), Int(second, "Succeeded"), Int(second, "Unreadable")));
            Assert.Equal(world.Server.GenerateCount, Int(summary, "RequestsSent"));
            Assert.Equal(world.Server.StatusCount(429), Int(summary, "RateLimited"));
            Assert.Equal(1, Int(summary, "RateLimited"));
            Assert.Equal(posts.Sum(p => ((string[])p.Properties["Switches"].Value).Length), Int(summary, "ModelSwitches"));
            Assert.Equal(1, Int(summary, "ModelSwitches"));
            foreach (var kind in new[] { "InputTokens", "OutputTokens", "ThinkingTokens", "CachedTokens" })
            {
                Assert.Equal(posts.Sum(p => (long)Int(p, kind)), (long)summary.Properties[kind].Value);
            }
            Assert.Equal(4 * 5L, (long)summary.Properties["CachedTokens"].Value);
            Assert.Equal(posts.Sum(p => (decimal)p.Properties["WouldCost"].Value), (decimal)summary.Properties["WouldCost"].Value);
            Assert.True((decimal)summary.Properties["WouldCost"].Value > 0);
            Assert.Equal(0m, (decimal)summary.Properties["Cost"].Value);
            var left = ((System.Array)summary.Properties["QuotaLeft"].Value).Cast<object>().Select(PSObject.AsPSObject)
                .Select(q => $"{q.Properties["Model"].Value} {q.Properties["RequestsLeftToday"].Value} {q.Properties["Source"].Value}");
            Assert.Equal(new[] { "gemini-3.5-flash 0 Server", "gemini-3.1-flash-lite 48 Configured" }, left);
            Assert.Contains(run.Verbose, v => v == summary.BaseObject.ToString());
        }

        [Fact]
        public void ExportPostSummaryWritesTheRunSummaryAsADocumentOfItsOwnAndImportPassesOverIt()
        {
            using var world = new HostedScenario();

            var run = world.Run("$s = Invoke-PostSummary -Text 'a 面经', 'b 面经' -InformationVariable info; " +
                "$all = @($s) + @($info.MessageData); $all | Export-PostSummary ./out.yaml; Import-PostSummary ./out.yaml -Verbose");

            var text = System.IO.File.ReadAllText(System.IO.Path.Combine(world.Folder, "out.yaml"));
            Assert.Matches(@"(?m)^RequestsSent: 2\r?$", text);
            Assert.Equal(3, text.Split("\n---").Length - 1);
            Assert.Empty(run.Errors);
            Assert.Equal(2, run.Output.Count(o => o.TypeNames.Contains("InterviewTools.PostSummary")));
            Assert.Contains(run.Verbose, v => v.Contains("is a run summary"));
        }

        private static int Int(PSObject item, string name) => (int)item.Properties[name].Value;
    }
}
