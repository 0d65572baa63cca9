using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using InterviewTools.Engine.Gemini;
using InterviewTools.Engine.Gemini.Wire;
using InterviewTools.Engine.Policy;
using InterviewTools.Engine.Rotation;
using InterviewTools.Engine.Common;
using InterviewTools.Engine.Summaries;
using InterviewTools.FakeGemini;
using Polly.Timeout;
using Xunit;

namespace InterviewTools.Engine.Tests.Policy
{
    /// <summary>Every row of the classifier table, from bodies the fake server really sends.</summary>
    public sealed class FailureClassifierTests : FakeServerTest
    {
        public static IEnumerable<object[]> Replies() => new[]
        {
            new object[] { "per-day 429", FakeReply.PerDayQuota("gemini-2.5-flash", 20), RotationAction.ExhaustedToday },
            new object[] { "limit 0", FakeReply.Quota(new[] { new FakeGemini.QuotaViolation(QuotaKind.RequestsPerDay, "gemini-2.5-flash", 0) }, TimeSpan.FromSeconds(30)), RotationAction.NoFreeTier },
            new object[] { "per-minute requests", FakeReply.PerMinuteQuota("gemini-2.5-flash", 5), RotationAction.CoolDown },
            new object[] { "per-minute tokens", FakeReply.InputTokensPerMinuteQuota("gemini-2.5-flash", 250_000), RotationAction.CoolDown },
            new object[] { "404", FakeReply.NotFound("gemini-1.5-flash"), RotationAction.RetireModel },
            new object[] { "invalid key", FakeReply.ApiKeyInvalid(), RotationAction.DisableKey },
            new object[] { "leaked", FakeReply.Leaked(), RotationAction.DisableKey },
            new object[] { "service disabled", FakeReply.ServiceDisabled(), RotationAction.DisableKey },
            new object[] { "blocked", FakeReply.ServiceBlocked(), RotationAction.DisableKey },
            new object[] { "suspended", FakeReply.Suspended("k"), RotationAction.DisableKey },
            new object[] { "prepay", FakeReply.PrepayDepleted(), RotationAction.DisableKey },
            new object[] { "500", FakeReply.InternalError(), RotationAction.Transient },
            new object[] { "503", FakeReply.Overloaded(), RotationAction.Transient },
            new object[] { "504", FakeReply.DeadlineExceeded(), RotationAction.Transient },
            new object[] { "connection reset", FakeReply.DropConnection(), RotationAction.Transient },
            new object[] { "other 400", FakeReply.InvalidArgument("Invalid JSON payload received."), RotationAction.FailPost },
            new object[] { "input too long", FakeReply.InputTooLong(2_000_000, 1_048_576), RotationAction.FailPost },
        };

        [Theory]
        [MemberData(nameof(Replies))]
        public async Task EachServerAnswerGetsItsAction(string name, FakeReply reply, object expected)
        {
            Server.Enqueue(reply);

            var failure = await Assert.ThrowsAnyAsync<Exception>(() => Client.GenerateContentAsync("gemini-2.5-flash", Request(), ApiKey.FromPlainText(Secret), CancellationToken.None));

            Assert.True(FailureClassifier.IsServiceFailure(failure), name);
            Assert.Equal((RotationAction)expected, FailureClassifier.Verdict(failure, TimeSpan.FromSeconds(10)).Action);
        }

        [Fact]
        public async Task APerDay429IsClassifiedByItsQuotaIdNotItsShortRetryDelayAndTeachesTheDailyLimit()
        {
            Server.Enqueue(FakeReply.PerDayQuota("gemini-2.5-flash", 20, TimeSpan.FromSeconds(18)));

            var verdict = await VerdictOf();

            Assert.Equal(RotationAction.ExhaustedToday, verdict.Action);
            Assert.Equal(20, verdict.Learned!.RequestsPerDay);
            Assert.Equal("GenerateRequestsPerDayPerProjectPerModel-FreeTier", verdict.QuotaId);
            Assert.Equal(TimeSpan.Zero, verdict.CoolDown);
        }

        [Fact]
        public async Task APerMinute429CoolsDownForThePreciseDelayPlusTheMarginAndTeachesTheLimit()
        {
            Server.Enqueue(FakeReply.PerMinuteQuota("gemini-2.5-flash", 7, TimeSpan.FromSeconds(12.25)));

            var verdict = await VerdictOf();

            Assert.Equal(RotationAction.CoolDown, verdict.Action);
            Assert.Equal(TimeSpan.FromSeconds(12.25) + FailureClassifier.CoolDownMargin, verdict.CoolDown);
            Assert.Equal(7, verdict.Learned!.RequestsPerMinute);
        }

        [Fact]
        public async Task ATokenPerMinute429TeachesTheTokenLimitAndALongDelayIsCapped()
        {
            Server.Enqueue(FakeReply.InputTokensPerMinuteQuota("gemini-2.5-flash", 125_000, TimeSpan.FromHours(3)));

            var verdict = await VerdictOf();

            Assert.Equal(125_000, verdict.Learned!.InputTokensPerMinute);
            Assert.Null(verdict.Learned.RequestsPerMinute);
            Assert.Equal(FailureClassifier.CoolDownCap, verdict.CoolDown);
        }

        [Fact]
        public async Task NoLongerAvailableRetiresTheModelWhateverTheStatus()
        {
            var error = GeminiErrorParser.Parse(400, "Bad Request", "{\"error\":{\"code\":400,\"status\":\"FAILED_PRECONDITION\",\"message\":\"This model models/gemini-2.0-flash is no longer available to new users.\"}}");

            Assert.Equal(RotationAction.RetireModel, FailureClassifier.Verdict(error).Action);
            await Task.CompletedTask;
        }

        [Fact]
        public async Task AKeyTypeTheEndpointRefusesIsItsOwnRefusalNotAnInvalidKey()
        {
            Server.Enqueue(FakeReply.AccessTokenTypeUnsupported());

            var verdict = await VerdictOf();

            Assert.Equal((RotationAction.DisableKey, FailureKind.KeyTypeUnsupported), (verdict.Action, verdict.Failure.Kind));
            Assert.Equal("401 UNAUTHENTICATED: this key type is not accepted by the endpoint (ACCESS_TOKEN_TYPE_UNSUPPORTED)", verdict.Reason);
        }

        [Fact]
        public async Task AnAuthKeyGoesOnlyInTheHeader()
        {
            const string AuthKey = "AQ.Ab8RN6-ENGINE-TEST-AUTH-KEY";
            Server.Options.Keys[AuthKey] = "project-auth";

            await Client.GenerateContentAsync("gemini-2.5-flash", Request(), ApiKey.FromPlainText(AuthKey), CancellationToken.None);

            var request = Assert.Single(Server.Requests, r => r.Route == RouteKind.Generate);
            Assert.Equal((AuthKey, false), (request.ApiKeyHeader, request.KeyInQuery));
            Assert.DoesNotContain(AuthKey, request.Url.ToString());
        }

        [Fact]
        public void ATimeoutIsTransient() =>
            Assert.Equal(RotationAction.Transient, FailureClassifier.Verdict(new TimeoutRejectedException(), TimeSpan.FromSeconds(5)).Action);

        private async Task<FailureVerdict> VerdictOf()
        {
            var failure = await Assert.ThrowsAsync<GeminiApiException>(() => Client.GenerateContentAsync("gemini-2.5-flash", Request(), ApiKey.FromPlainText(Secret), CancellationToken.None));
            return FailureClassifier.Verdict(failure, TimeSpan.FromSeconds(10));
        }

        private static GenerateContentRequest Request() =>
            SummaryRequestBuilder.Build(InterviewTools.Engine.Posts.PostReader.ReadText("p", "什么是 GQA？"), new SummarizerOptions(), "gemini-2.5-flash");
    }
}
