using System;
using System.Linq;
using System.Text;
using InterviewTools.Engine.Offline;
using InterviewTools.Engine.Posts;
using InterviewTools.Engine.Summaries;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace InterviewTools.Engine.Tests.Offline
{
    public sealed class OfflineEdgeTests
    {
        [Fact]
        public void EmptyBodyGivesEmptyNotes()
        {
            var content = OfflineSummarizer.Extract(new PostDocument("empty", null, string.Empty, Array.Empty<string>(), ContentHash.Of(string.Empty), Array.Empty<string>()));

            Assert.Null(content.Title);
            Assert.Equal(string.Empty, content.Summary);
            Assert.Empty(content.Questions);
            Assert.Empty(content.Experiences);
            Assert.Empty(content.Tips);
            Assert.Empty(content.Advice);
            Assert.Empty(content.Topics);
            Assert.Empty(content.Terms);
        }

        [Fact]
        public void PostOfOnlyHashtagsAndEmojiGivesTopicsAndNothingElse()
        {
            var content = OfflineSummarizer.Extract(PostReader.ReadText("tags", "[清单R]🔥\n#面经[话题]# #大模型[话题]#"));

            Assert.Equal(new[] { "面经", "大模型" }, content.Topics);
            Assert.Null(content.Title);
            Assert.Equal(string.Empty, content.Summary);
            Assert.Empty(content.Questions.Concat(content.Experiences).Concat(content.Tips).Concat(content.Advice).Concat(content.Terms));
        }

        [Fact]
        public void OneMegabytePostFindsTheSameItemsAsOneCopy()
        {
            var one = System.IO.File.ReadAllText(Samples.Path("xhs-finetuning-questions.txt"));
            var copies = new StringBuilder();
            while (Encoding.UTF8.GetByteCount(copies.ToString()) < 1024 * 1024) copies.Append(one).Append("\n\n");

            var single = OfflineSummarizer.Extract(PostReader.ReadText("one", one));
            var huge = OfflineSummarizer.Extract(PostReader.ReadText("huge", copies.ToString()));

            Assert.Equal(single.Questions, huge.Questions);
            Assert.Equal(single.Advice, huge.Advice);
            Assert.Equal(single.Topics, huge.Topics);
            Assert.Equal(single.Terms, huge.Terms);
            Assert.InRange(huge.Summary.Length, 1, 2000);
        }

        [Fact]
        public void OneMegabyteLineWithoutBreaksOrPunctuationIsHandled()
        {
            var content = OfflineSummarizer.Extract(PostReader.ReadText("wall", "问了" + new string('的', 1024 * 1024) + " GQA"));

            Assert.Equal(new[] { "GQA" }, content.Terms);
            Assert.Empty(content.Questions);
        }

        [Fact]
        public void EnglishOnlyPostIsSortedWithEnglishCues()
        {
            const string text =
                "Anthropic-style applied ML interview recap\n\n" +
                "Questions they asked:\n" +
                "1. Explain how LoRA reduces the number of trainable parameters\n" +
                "2. What is the difference between RoPE and ALiBi?\n\n" +
                "The interviewer asked about my RLHF project for twenty minutes.\n" +
                "You should read the Llama 2 paper before the loop. Focus on the data mixture section.\n" +
                "#interview #llm\n";
            var content = OfflineSummarizer.Extract(PostReader.ReadText("english", text));

            Assert.Equal("Anthropic-style applied ML interview recap", content.Title);
            Assert.Equal(new[] { "Explain how LoRA reduces the number of trainable parameters", "What is the difference between RoPE and ALiBi?" }, content.Questions);
            Assert.Equal(new[] { "The interviewer asked about my RLHF project for twenty minutes." }, content.Experiences);
            Assert.Equal(new[] { "You should read the Llama 2 paper before the loop." }, content.Advice);
            Assert.Equal(new[] { "Focus on the data mixture section." }, content.Tips);
            Assert.Equal(new[] { "interview", "llm" }, content.Topics);
            Assert.Equal(new[] { "ML", "LoRA", "RoPE", "ALiBi", "RLHF" }, content.Terms);
            Assert.DoesNotContain("。", content.Summary);
        }

        [Fact]
        public void SummarizeShapesAnOfflineOutcome()
        {
            var time = new FakeTimeProvider(new DateTimeOffset(2025, 3, 1, 23, 50, 0, TimeSpan.FromHours(-8)));
            var post = PostReader.ReadFile(Samples.Path("xhs-llm-interview-prep.txt"));

            var outcome = OfflineSummarizer.Summarize(post, time);

            Assert.Same(post, outcome.Post);
            Assert.Equal(PostSummaryStatus.Succeeded, outcome.Summary.Status);
            Assert.Equal(PostSummaryProvider.Offline, outcome.Summary.Provider);
            Assert.False(outcome.Summary.Fallback);
            Assert.Equal(OfflineSummarizer.ModelLabel, outcome.Summary.Model);
            Assert.Equal(string.Empty, outcome.Summary.KeyId);
            Assert.Equal(0, outcome.Summary.Attempts);
            Assert.Null(outcome.Failure);
            Assert.Equal(time.GetUtcNow(), outcome.Summary.CompletedAt);
            Assert.Equal(TimeSpan.Zero, outcome.Summary.Duration);
            Assert.Equal(OfflineDeterminismTests.Render(OfflineSummarizer.Extract(post)), OfflineDeterminismTests.Render(outcome.Summary));
        }

        [Fact]
        public void SummarizeMeasuresItsDurationOnARealClock()
        {
            var before = DateTimeOffset.UtcNow;
            var outcome = OfflineSummarizer.Summarize(PostReader.ReadFile(Samples.Path("xhs-finetuning-questions.txt")), TimeProvider.System);

            Assert.True(outcome.Summary.Duration > TimeSpan.Zero);
            Assert.InRange(outcome.Summary.CompletedAt, before, DateTimeOffset.UtcNow);
        }
    }
}
