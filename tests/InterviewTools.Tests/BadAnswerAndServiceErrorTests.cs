using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using InterviewTools.FakeGemini;
using Xunit;

namespace InterviewTools.Tests
{
    [Collection(HostedCollection.Name)]
    public sealed class BadAnswerAndServiceErrorTests
    {
        public static IEnumerable<object[]> BadAnswers() => new[]
        {
            new object[] { "blocked prompt", FakeReply.BlockedPrompt("PROHIBITED_CONTENT"), 1, "SummaryPromptBlocked", "PROHIBITED_CONTENT" },
            new object[] { "safety", FakeReply.Finish("SAFETY"), 1, "SummaryResponseBlocked", "SAFETY" },
            // A MAX_TOKENS answer is retried once with more room: only a second one fails the post.
            new object[] { "max tokens twice", FakeReply.Finish("MAX_TOKENS", "{\"summary\": \"cut"), 2, "SummaryAnswerTruncated", "maxOutputTokens" },
            new object[] { "empty parts", FakeReply.EmptyParts(), 1, "SummaryEmptyAnswer", "no text parts" },
            new object[] { "invalid json", FakeReply.Json("这不是 JSON"), 1, "SummaryInvalidAnswer", "not valid JSON" },
        };

        [Theory]
        [MemberData(nameof(BadAnswers))]
        public void BadAnswerFailsThatPostWithAReasonAndTheRunGoesOn(string label, FakeReply reply, int times, string errorId, string reason)
        {
            using var world = new HostedScenario();
            for (var i = 0; i < times; i++) world.Server.Enqueue(reply);

            var run = world.Run("Invoke-PostSummary -Text '第一篇 面经', '第二篇 面经' -ThrottleLimit 1");

            Assert.True(run.Terminating == null, label);
            var summaries = run.Output.Select(o => (PostSummaryView)o).ToList();
            Assert.Equal(new[] { "Failed", "Succeeded" }, summaries.Select(s => s.Status));
            Assert.Contains(reason, summaries[0].Error);
            var error = Assert.Single(run.Errors);
            Assert.Equal(errorId, error.FullyQualifiedErrorId.Split(',')[0]);
            Assert.Equal(ErrorCategory.InvalidResult, error.CategoryInfo.Category);
            Assert.Equal("text:1", error.TargetObject);
        }

        [Fact]
        public void DailyQuota429WithAShortRetryDelayDefersTheOnlyModelUntilMidnightPacific()
        {
            using var world = new HostedScenario();
            world.Server.Enqueue(FakeReply.PerDayQuota("gemini-3.5-flash", 20, TimeSpan.FromSeconds(18.597309548)));

            var run = world.Run("Invoke-PostSummary -Text '什么是 GQA？', '什么是 MoE？' -Model gemini-3.5-flash -ThrottleLimit 1");

            Assert.Equal(new[] { "Deferred", "Deferred" }, run.Output.Select(o => ((PostSummaryView)o).Status));
            Assert.Equal(new[] { "gemini-3.5-flash", "gemini-3.5-flash" }, run.Output.Select(o => ((PostSummaryView)o).Model));
            var first = (PostSummaryView)run.Output[0];
            Assert.Equal(1, first.Attempts);
            Assert.Contains("daily quota used up", first.Error);
            Assert.Equal(NextPacificMidnight(), first.RetryAt);
            Assert.Empty(run.Errors);
            Assert.Contains(run.Warnings, w => w.Contains("exhausted for today") && w.Contains("00:00 PT") && w.Contains("2 post(s) deferred"));
            Assert.Equal(1, world.Server.GenerateCount);
        }

        [Fact]
        public void OverloadedServerIsRetriedWithBackoffThenSucceeds()
        {
            using var world = new HostedScenario();
            world.Server.Enqueue(FakeReply.Overloaded());
            world.Server.Enqueue(FakeReply.InternalError());

            var run = world.Run("Invoke-PostSummary -Text '什么是 GQA？' -Verbose");

            var summary = (PostSummaryView)Assert.Single(run.Output);
            Assert.Equal("Succeeded", summary.Status);
            Assert.Equal(3, summary.Attempts);
            Assert.Equal(3, world.Server.GenerateCount);
            Assert.Contains(run.Verbose, v => v.Contains("503") && v.Contains("retry 1 of 3"));
            Assert.Contains(run.Verbose, v => v.Contains("500") && v.Contains("retry 2 of 3"));
        }

        [Fact]
        public void TransientFaultsThatOutlastTheRetriesFailThePost()
        {
            using var world = new HostedScenario();
            world.Server.Enqueue(FakeReply.DropConnection());
            world.Server.Enqueue(FakeReply.DeadlineExceeded());

            var run = world.Run("Invoke-PostSummary -Text '什么是 GQA？' -MaxRetryCount 1 -Model gemini-3.5-flash");

            var summary = (PostSummaryView)Assert.Single(run.Output);
            Assert.Equal("Failed", summary.Status);
            Assert.Equal(2, summary.Attempts);
            Assert.Contains("504", summary.Error);
            Assert.Equal("GeminiServerError", Assert.Single(run.Errors).FullyQualifiedErrorId.Split(',')[0]);
        }

        [Fact]
        public void SlowAnswerTimesOutPerRequest()
        {
            using var world = new HostedScenario();
            world.Server.Enqueue(FakeReply.Slow(TimeSpan.FromSeconds(20), FakeReply.Json("{\"summary\":\"late\"}")));

            var run = world.Run("Invoke-PostSummary -Text '什么是 GQA？' -TimeoutSec 1 -MaxRetryCount 0 -Model gemini-3.5-flash");

            var summary = (PostSummaryView)Assert.Single(run.Output);
            Assert.Equal("Failed", summary.Status);
            Assert.Contains("-TimeoutSec", summary.Error);
            var error = Assert.Single(run.Errors);
            Assert.Equal(ErrorCategory.OperationTimeout, error.CategoryInfo.Category);
        }

        [Fact]
        public void UnknownKeyStopsTheRunWithATerminatingErrorBeforeAnyGenerate()
        {
            using var world = new HostedScenario();

            var (run, caught) = world.RunCatching("Invoke-PostSummary -Text 'a 面经', 'b 面经' -ApiKey 'AIzaSy-NOT-A-REAL-KEY-42'");

            Assert.NotNull(caught);
            Assert.Equal("GeminiNoUsableKey", caught!.FullyQualifiedErrorId.Split(',')[0]);
            Assert.Equal(ErrorCategory.AuthenticationError, caught.CategoryInfo.Category);
            Assert.Null(caught.TargetObject);   // the run, not 'text:1' that met it first
            Assert.DoesNotContain("text:", caught.Exception.Message);
            Assert.Contains("API key not valid", caught.ToString());
            Assert.DoesNotContain("AIzaSy-NOT-A-REAL-KEY-42", caught.ToString());
            Assert.DoesNotContain("AIzaSy-NOT-A-REAL-KEY-42", string.Join("\n", run.AllText()));
            Assert.Empty(run.Output);
            Assert.Equal(0, world.Server.GenerateCount);
        }

        [Fact]
        public void ARefusedEndpointStopsTheRunWithOneTerminatingErrorNamingItsUrlAndARerunSendsOnlyTheUnfinishedPosts()
        {
            using var world = new HostedScenario();
            for (var i = 1; i <= 6; i++) world.WritePost($"p{i}.txt", $"第 {i} 篇面经：问了 GQA 和 RoPE。");
            world.Run("Invoke-PostSummary -Path p1.txt, p2.txt");
            var refused = RefusedEndpoint.Reserve();
            Environment.SetEnvironmentVariable("GOOGLE_GEMINI_BASE_URL", refused);

            var (run, caught) = world.RunCatching("Invoke-PostSummary -Path p*.txt -MaxRetryCount 1 -ThrottleLimit 3");

            Assert.NotNull(caught);
            Assert.Equal("GeminiEndpointUnreachable", caught!.FullyQualifiedErrorId.Split(',')[0]);
            Assert.Equal(ErrorCategory.ConnectionError, caught.CategoryInfo.Category);
            Assert.Null(caught.TargetObject);
            Assert.Contains(refused, caught.ToString());
            Assert.IsType<System.Net.Http.HttpRequestException>(caught.Exception);
            Assert.Empty(run.Errors);
            Assert.Equal(new[] { true, true }, run.Output.Select(o => ((PostSummaryView)o).FromCache).ToArray());

            Environment.SetEnvironmentVariable("GOOGLE_GEMINI_BASE_URL", world.Server.BaseUrl);
            var rerun = world.Run("Invoke-PostSummary -Path p*.txt");

            Assert.Equal(6, rerun.Output.Count(o => ((PostSummaryView)o).Status == "Succeeded"));
            Assert.Equal(6, world.Server.GenerateCount);
        }

        [Fact]
        public void RetiredModelStopsTheRunAndNamesTheModel()
        {
            using var world = new HostedScenario();

            var (_, caught) = world.RunCatching("Invoke-PostSummary -Text 'a 面经' -Model gemini-1.5-flash");

            Assert.NotNull(caught);
            Assert.Equal("GeminiNoUsableModel", caught!.FullyQualifiedErrorId.Split(',')[0]);
            Assert.Null(caught.TargetObject);
            Assert.DoesNotContain("text:", caught.Exception.Message);
            Assert.Contains("gemini-1.5-flash", caught.ToString());
            Assert.Equal(0, world.Server.GenerateCount);
        }

        [Fact]
        public void MissingKeyWithProviderGeminiIsATerminatingErrorNamingTheVariables()
        {
            using var world = new HostedScenario();
            Environment.SetEnvironmentVariable("GEMINI_API_KEY", null);

            var (_, caught) = world.RunCatching("Invoke-PostSummary -Text 'a 面经' -Provider Gemini");

            Assert.NotNull(caught);
            Assert.Equal("ApiKeyMissing", caught!.FullyQualifiedErrorId.Split(',')[0]);
            Assert.Contains("GEMINI_API_KEY", caught.ToString());
            Assert.Empty(world.Server.Requests);
        }

        [Fact]
        public void BlankApiKeyParameterIsAnErrorNotASilentFallback()
        {
            using var world = new HostedScenario();

            var (_, caught) = world.RunCatching("Invoke-PostSummary -Text 'a 面经' -ApiKey '   '");

            Assert.Equal("ApiKeyMissing", caught!.FullyQualifiedErrorId.Split(',')[0]);
            Assert.Empty(world.Server.Requests);
        }

        [Fact]
        public void KeySourcesArePickedInOrderAndSentOnlyInTheHeader()
        {
            using var world = new HostedScenario();
            Environment.SetEnvironmentVariable("GOOGLE_API_KEY", "google-variable-key");
            world.Server.Options.Keys["google-variable-key"] = "project-2";
            world.Server.Options.Keys["parameter-key"] = "project-3";

            world.Run("Invoke-PostSummary -Text 'a 面经'");
            Environment.SetEnvironmentVariable("GEMINI_API_KEY", null);
            world.Run("Invoke-PostSummary -Text 'b 面经'");
            world.Run("$s = [securestring]::new(); 'parameter-key'.ToCharArray() | ForEach-Object { $s.AppendChar($_) }; Invoke-PostSummary -Text 'c 面经' -ApiKey $s");

            var keys = world.Server.Requests.Where(r => r.Route == RouteKind.Generate).Select(r => r.ApiKeyHeader).ToList();
            Assert.Equal(new[] { HostedScenario.Secret, "google-variable-key", "parameter-key" }, keys);
            Assert.All(world.Server.Requests, r => Assert.False(r.KeyInQuery));
        }

        [Fact]
        public void MalformedBaseUrlIsATerminatingError()
        {
            using var world = new HostedScenario();
            Environment.SetEnvironmentVariable("GOOGLE_GEMINI_BASE_URL", "ftp://example.invalid");

            var (_, caught) = world.RunCatching("Invoke-PostSummary -Text 'a 面经'");

            Assert.NotNull(caught);
            Assert.Equal("GeminiBaseUrlInvalid", caught!.FullyQualifiedErrorId.Split(',')[0]);
        }

        /// <summary>Computed here from the IANA zone, independently of the engine's own calculation.</summary>
        internal static DateTimeOffset NextPacificMidnight()
        {
            var zone = TimeZoneInfo.FindSystemTimeZoneById("America/Los_Angeles");
            var midnight = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, zone).Date.AddDays(1);
            return new DateTimeOffset(midnight, zone.GetUtcOffset(midnight));
        }
    }
}
