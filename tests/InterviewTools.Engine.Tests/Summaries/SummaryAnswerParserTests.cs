using System.Collections.Generic;
using InterviewTools.Engine.Gemini.Wire;
using InterviewTools.Engine.Policy;
using InterviewTools.Engine.Summaries;
using Xunit;

namespace InterviewTools.Engine.Tests.Summaries
{
    public sealed class SummaryAnswerParserTests
    {
        private const string GoodJson = "{\"title\":\"微调面试\",\"summary\":\"讲解微调。\",\"experiences\":[\"先背八股\"],\"tips\":[],\"advice\":\"多刷题\",\"questions\":[\"什么是 LoRA？\",\"\"],\"topics\":[\"LoRA\"]}";

        [Fact]
        public void StructuredAnswerMapsOntoFields()
        {
            Assert.True(SummaryAnswerParser.TryParse(Answer("STOP", GoodJson), 8192, out var content, out var failure));
            Assert.Null(failure);
            Assert.Equal("微调面试", content.Title);
            Assert.Equal("讲解微调。", content.Summary);
            Assert.Equal(new[] { "先背八股" }, content.Experiences);
            Assert.Empty(content.Tips);
            Assert.Equal(new[] { "多刷题" }, content.Advice);
            Assert.Equal(new[] { "什么是 LoRA？" }, content.Questions);
        }

        [Fact]
        public void ThoughtPartsAndCodeFencesAreIgnored()
        {
            var response = Answer("STOP", null);
            response.Candidates![0].Content = new Content
            {
                Parts = new List<Part> { new Part { Text = "Let me think", Thought = true }, new Part { Text = "```json\n" + GoodJson + "\n```" } },
            };
            Assert.True(SummaryAnswerParser.TryParse(response, 8192, out var content, out _));
            Assert.Equal("讲解微调。", content.Summary);
        }

        [Fact]
        public void BlockedPromptSaysWhy()
        {
            var response = new GenerateContentResponse { PromptFeedback = new PromptFeedback { BlockReason = "PROHIBITED_CONTENT" } };
            Assert.False(SummaryAnswerParser.TryParse(response, 8192, out _, out var failure));
            Assert.Equal(FailureKind.PromptBlocked, failure!.Kind);
            Assert.Contains("PROHIBITED_CONTENT", failure.Message);
        }

        [Theory]
        [InlineData("SAFETY", FailureKind.ResponseBlocked)]
        [InlineData("RECITATION", FailureKind.ResponseBlocked)]
        [InlineData("SOMETHING_NEW", FailureKind.ResponseBlocked)]
        [InlineData("MAX_TOKENS", FailureKind.AnswerTruncated)]
        [InlineData("STOP", FailureKind.EmptyAnswer)]
        public void UnfinishedAnswersFail(string finishReason, FailureKind expected)
        {
            Assert.False(SummaryAnswerParser.TryParse(Answer(finishReason, null), 8192, out _, out var failure));
            Assert.Equal(expected, failure!.Kind);
            if (expected != FailureKind.EmptyAnswer) Assert.Contains(expected == FailureKind.AnswerTruncated ? "8192" : finishReason, failure.Message);
        }

        [Theory]
        [InlineData("{\"summary\": \"cut")]
        [InlineData("[\"not\", \"an object\"]")]
        [InlineData("{\"title\": \"no summary\"}")]
        public void InvalidJsonFails(string text)
        {
            Assert.False(SummaryAnswerParser.TryParse(Answer("STOP", text), 8192, out _, out var failure));
            Assert.Equal(FailureKind.InvalidAnswer, failure!.Kind);
        }

        private static GenerateContentResponse Answer(string finishReason, string? text) => new GenerateContentResponse
        {
            Candidates = new List<Candidate>
            {
                new Candidate
                {
                    FinishReason = finishReason,
                    Content = text == null ? new Content { Role = "model" } : new Content { Role = "model", Parts = new List<Part> { new Part { Text = text } } },
                },
            },
        };
    }
}
