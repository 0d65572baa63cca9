using System;
using InterviewTools.Engine.Gemini;
using InterviewTools.Engine.Policy;
using InterviewTools.Engine.Summaries;
using Xunit;

namespace InterviewTools.Engine.Tests.Gemini
{
    public sealed class GeminiErrorParserTests
    {
        /// <summary>The per-day 429 from the legacy log (shared/docs/gemini-rest-api.md §9.1), verbatim.</summary>
        public const string PerDay429 = @"{
  ""error"": {
    ""code"": 429,
    ""message"": ""You exceeded your current quota, please check your plan and billing details. For more information on this error, head to: https://ai.google.dev/gemini-api/docs/rate-limits. To monitor your current usage, head to: https://ai.dev/usage?tab=rate-limit. \n* Quota exceeded for metric: generativelanguage.googleapis.com/generate_content_free_tier_requests, limit: 20, model: gemini-2.5-flash-lite\nPlease retry in 18.597309548s."",
    ""status"": ""RESOURCE_EXHAUSTED"",
    ""details"": [
      {
        ""@type"": ""type.googleapis.com/google.rpc.Help"",
        ""links"": [
          { ""description"": ""Learn more about Gemini API quotas"", ""url"": ""https://ai.google.dev/gemini-api/docs/rate-limits"" }
        ]
      },
      {
        ""@type"": ""type.googleapis.com/google.rpc.QuotaFailure"",
        ""violations"": [
          {
            ""quotaMetric"": ""generativelanguage.googleapis.com/generate_content_free_tier_requests"",
            ""quotaId"": ""GenerateRequestsPerDayPerProjectPerModel-FreeTier"",
            ""quotaDimensions"": { ""location"": ""global"", ""model"": ""gemini-2.5-flash-lite"" },
            ""quotaValue"": ""20""
          }
        ]
      },
      { ""@type"": ""type.googleapis.com/google.rpc.RetryInfo"", ""retryDelay"": ""18s"" }
    ]
  }
}
";

        [Fact]
        public void PerDayQuotaKeepsEveryDetail()
        {
            var error = GeminiErrorParser.Parse(429, "Too Many Requests", PerDay429);

            Assert.True(error.BodyWasJson);
            Assert.Equal("RESOURCE_EXHAUSTED", error.Status);
            Assert.Equal(TimeSpan.FromSeconds(18), error.RetryDelay);
            Assert.Equal(TimeSpan.FromTicks(185973095), error.RetryDelayFromMessage);
            var violation = Assert.Single(error.QuotaViolations);
            Assert.Equal("GenerateRequestsPerDayPerProjectPerModel-FreeTier", violation.QuotaId);
            Assert.Equal("gemini-2.5-flash-lite", violation.Model);
            Assert.Equal(20, violation.QuotaValue);
            Assert.Equal("https://ai.google.dev/gemini-api/docs/rate-limits", Assert.Single(error.HelpLinks));
            Assert.Equal(FailureKind.QuotaExhausted, FailureClassifier.Classify(error).Kind);
        }

        [Fact]
        public void DetailsAreReadByTypeNotPosition()
        {
            const string body = @"{""error"":{""code"":400,""message"":""API key not valid. Please pass a valid API key."",""status"":""INVALID_ARGUMENT"",""details"":[
              {""@type"":""type.googleapis.com/google.rpc.LocalizedMessage"",""locale"":""en-US"",""message"":""API key not valid. Please pass a valid API key.""},
              {""@type"":""type.googleapis.com/google.rpc.ErrorInfo"",""reason"":""API_KEY_INVALID"",""domain"":""googleapis.com"",""metadata"":{""service"":""generativelanguage.googleapis.com""}}]}}";
            var error = GeminiErrorParser.Parse(400, "Bad Request", body);
            Assert.Equal("API_KEY_INVALID", error.ErrorInfo!.Reason);
            Assert.Equal("generativelanguage.googleapis.com", error.ErrorInfo.Metadata["service"]);
            Assert.Equal("API key not valid. Please pass a valid API key.", error.LocalizedMessage);
            Assert.Equal(FailureKind.KeyRejected, FailureClassifier.Classify(error).Kind);
        }

        [Fact]
        public void ArrayWrappedStreamErrorIsUnwrapped()
        {
            var error = GeminiErrorParser.Parse(503, "Service Unavailable", @"[{""error"":{""code"":503,""message"":""The model is overloaded. Please try again later."",""status"":""UNAVAILABLE""}}]");
            Assert.Equal("UNAVAILABLE", error.Status);
            Assert.Equal("The model is overloaded. Please try again later.", error.Message);
        }

        [Fact]
        public void NonJsonBodyFallsBackToTheHttpStatus()
        {
            var error = GeminiErrorParser.Parse(502, "Bad Gateway", "<html><body>upstream connect error</body></html>");
            Assert.False(error.BodyWasJson);
            Assert.Equal("Bad Gateway", error.Status);
            Assert.Contains("upstream connect error", error.Message);
            Assert.Equal(FailureKind.ServerError, FailureClassifier.Classify(error).Kind);
        }

        [Theory]
        [InlineData(404, "NOT_FOUND", "models/gemini-1.5-flash is not found for API version v1beta, or is not supported for generateContent.", FailureKind.ModelNotFound)]
        [InlineData(403, "PERMISSION_DENIED", "Your API key was reported as leaked. Please use another API key.", FailureKind.KeyRejected)]
        [InlineData(402, "RESOURCE_EXHAUSTED", "Your prepayment credits are depleted.", FailureKind.KeyRejected)]
        [InlineData(400, "INVALID_ARGUMENT", "The input token count (1200293) exceeds the maximum number of tokens allowed (1048576).", FailureKind.InputTooLong)]
        [InlineData(400, "INVALID_ARGUMENT", "Invalid JSON payload received. Unknown name \"foo\": Cannot find field.", FailureKind.InvalidRequest)]
        [InlineData(500, "INTERNAL", "An internal error has occurred.", FailureKind.ServerError)]
        public void StatusesAreClassified(int status, string statusName, string message, FailureKind expected)
        {
            var body = $"{{\"error\":{{\"code\":{status},\"message\":{System.Text.Json.JsonSerializer.Serialize(message)},\"status\":\"{statusName}\"}}}}";
            Assert.Equal(expected, FailureClassifier.Classify(GeminiErrorParser.Parse(status, null, body)).Kind);
        }

        [Theory]
        [InlineData("18s", 18_000)]
        [InlineData("1.5s", 1_500)]
        [InlineData("800ms", 800)]
        [InlineData("10h17m5.723541104s", 37_025_723.541104)]
        public void GoDurationsParse(string text, double milliseconds)
        {
            Assert.True(GoDuration.TryParse(text, out var duration));
            Assert.Equal(milliseconds, duration.TotalMilliseconds, 3);
        }

        [Theory]
        [InlineData("")]
        [InlineData("soon")]
        [InlineData("18")]
        public void NonDurationsDoNotParse(string text) => Assert.False(GoDuration.TryParse(text, out _));
    }
}
