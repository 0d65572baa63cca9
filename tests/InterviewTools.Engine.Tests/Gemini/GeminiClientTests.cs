using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using InterviewTools.Engine.Gemini;
using InterviewTools.Engine.Gemini.Wire;
using InterviewTools.Engine.Common;
using InterviewTools.FakeGemini;
using Xunit;

namespace InterviewTools.Engine.Tests.Gemini
{
    public sealed class GeminiClientTests : FakeServerTest
    {
        private readonly ApiKey _key = ApiKey.FromPlainText(Secret);

        protected override void Configure(FakeGeminiOptions options) =>
            options.Models.AddRange(Enumerable.Range(1, 5).Select(i => new FakeModel($"gemini-extra-{i}")));

        [Fact]
        public async Task GenerateSendsTheKeyOnlyInTheHeaderAndReadsTheAnswer()
        {
            var response = await Client.GenerateContentAsync("models/gemini-2.5-flash", Request("什么是 GQA？"), _key, CancellationToken.None);

            Assert.Equal("STOP", response.Candidates![0].FinishReason);
            Assert.True(response.UsageMetadata!.PromptTokenCount > 0);
            var recorded = Assert.Single(Server.Requests);
            Assert.Equal("/v1beta/models/gemini-2.5-flash:generateContent", recorded.Path);
            Assert.Equal(Secret, recorded.ApiKeyHeader);
            Assert.False(recorded.KeyInQuery);
            Assert.DoesNotContain(Secret, recorded.Url);
        }

        [Fact]
        public async Task CountTokensUsesTheGenerateContentRequestForm()
        {
            var tokens = await Client.CountTokensAsync("gemini-2.5-flash", Request("大模型面试"), _key, CancellationToken.None);

            Assert.True(tokens >= 5);
            Assert.Contains("\"generateContentRequest\"", Server.Requests.Single().Body);
            Assert.Contains("\"model\":\"models/gemini-2.5-flash\"", Server.Requests.Single().Body);
        }

        [Fact]
        public async Task ListModelsFollowsEveryPage()
        {
            var models = await Client.ListModelsAsync(_key, CancellationToken.None, pageSize: 2);

            Assert.Contains(models, m => m.Id == "gemini-extra-5");
            Assert.Equal(models.Count, models.Select(m => m.Id).Distinct().Count());
            Assert.True(Server.CountFor(RouteKind.ListModels) >= 4);
        }

        [Fact]
        public async Task GetModelReadsLimits()
        {
            var model = await Client.GetModelAsync("gemini-2.5-flash", _key, CancellationToken.None);
            Assert.Equal("gemini-2.5-flash", model.Id);
            Assert.Equal(1_048_576, model.InputTokenLimit);
            Assert.Contains("generateContent", model.SupportedGenerationMethods!);
        }

        [Fact]
        public async Task ErrorsBecomeTypedExceptionsWithTheirDetails()
        {
            Server.Enqueue(FakeReply.PerDayQuota("gemini-2.5-flash"));
            var quota = await Assert.ThrowsAsync<GeminiApiException>(() => Client.GenerateContentAsync("gemini-2.5-flash", Request("x"), _key, CancellationToken.None));
            Assert.Equal(429, quota.HttpStatus);
            Assert.Equal("GenerateRequestsPerDayPerProjectPerModel-FreeTier", quota.Error.QuotaViolations.Single().QuotaId);
            Assert.NotNull(quota.Error.RetryDelay);

            var missing = await Assert.ThrowsAsync<GeminiApiException>(() => Client.GenerateContentAsync("gemini-1.5-flash", Request("x"), _key, CancellationToken.None));
            Assert.Equal(404, missing.HttpStatus);
            Assert.Contains("gemini-1.5-flash is not found", missing.Message);
        }

        [Fact]
        public async Task NonJsonErrorPageFallsBackToTheStatus()
        {
            Server.Enqueue(FakeReply.RawBody(502, "text/html", "<html>bad gateway</html>"));
            var e = await Assert.ThrowsAsync<GeminiApiException>(() => Client.GenerateContentAsync("gemini-2.5-flash", Request("x"), _key, CancellationToken.None));
            Assert.Equal(502, e.HttpStatus);
            Assert.False(e.Error.BodyWasJson);
        }

        [Fact]
        public async Task TruncatedSuccessBodyIsMalformedNotACrash()
        {
            Server.Enqueue(FakeReply.RawBody(200, "application/json", "{\"candidates\": [{\"content\""));
            await Assert.ThrowsAsync<GeminiMalformedResponseException>(() => Client.GenerateContentAsync("gemini-2.5-flash", Request("x"), _key, CancellationToken.None));
        }

        [Fact]
        public async Task DroppedConnectionIsATransportErrorThatNamesNoKey()
        {
            Server.Enqueue(FakeReply.DropConnection());
            var e = await Assert.ThrowsAsync<GeminiTransportException>(() => Client.GenerateContentAsync("gemini-2.5-flash", Request("x"), _key, CancellationToken.None));
            Assert.DoesNotContain(Secret, e.ToString());
        }

        [Fact]
        public async Task KeyEchoedByTheServerIsScrubbedFromTheMessage()
        {
            Server.Enqueue(FakeReply.Suspended(Secret));
            var e = await Assert.ThrowsAsync<GeminiApiException>(() => Client.GenerateContentAsync("gemini-2.5-flash", Request("x"), _key, CancellationToken.None));
            Assert.DoesNotContain(Secret, e.Message);
            Assert.Contains(_key.Fingerprint, e.Message);
        }

        [Fact]
        public async Task CancellationStopsTheCallAtOnce()
        {
            Server.Enqueue(FakeReply.Slow(TimeSpan.FromSeconds(30), FakeReply.Json("{}")));
            using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Client.GenerateContentAsync("gemini-2.5-flash", Request("x"), _key, cancel.Token));
        }

        private static GenerateContentRequest Request(string text) => new GenerateContentRequest { Contents = new List<Content> { Content.User(text) } };
    }
}
