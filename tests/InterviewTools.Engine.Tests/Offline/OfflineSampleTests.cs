using System;
using System.Linq;
using InterviewTools.Engine.Offline;
using InterviewTools.Engine.Posts;
using InterviewTools.Engine.Summaries;
using Xunit;

namespace InterviewTools.Engine.Tests.Offline
{
    /// <summary>The real posts: the two shared samples and the repository's own.</summary>
    public sealed class OfflineSampleTests
    {
        [Fact]
        public void FineTuningPostGivesItsFifteenQuestionsIncludingTheUnnumberedOne()
        {
            var content = Extract(Samples.Path("xhs-finetuning-questions.txt"));

            Assert.Null(content.Title);
            Assert.Equal(15, content.Questions.Length);
            Assert.Equal("什么是模型微调(Fine-tuning)?它的核心目的是什么?", content.Questions[0]);
            Assert.Equal("微调与特征提取(Feature Extraction)有什么区别?各自适用场景是什么?", content.Questions[2]);
            Assert.Equal("什么是参数高效微调(PEFT)?有哪些主流方法(如 LoRA、Prefix Tuning 等)?", content.Questions[13]);
            Assert.Equal("微调过程中如何处理数据不平衡问题?对微调效果有何影响?", content.Questions[14]);
            Assert.Equal(new[] { "互联网大厂", "AI大模型应用", "大模型应用", "程序员", "大模型面试", "AI应用开发", "AI应用工程师", "AIengineer", "转码" }, content.Topics);
            Assert.Contains("PEFT", content.Terms);
            Assert.Contains("LoRA", content.Terms);
            Assert.DoesNotContain(AllItems(content), item => item.Contains("[清单R]") || item.Contains("✓") || item.Contains("#"));
        }

        [Fact]
        public void PrepPostFilesReadingListAsAdviceAndFocusPointsAsTips()
        {
            var content = Extract(Samples.Path("xhs-llm-interview-prep.txt"));

            Assert.Null(content.Title);
            Assert.Empty(content.Questions);
            Assert.Equal(new[] { "算法", "大模型", "面经", "人工智能就业", "暑期实习", "深度学习", "互联网大厂" }, content.Topics);
            Assert.Contains("DeepSeekV3：必读", content.Advice);
            Assert.Contains("Qwen2.5-VL（如果简历有多模态内容）：选读", content.Advice);
            Assert.StartsWith("针对无大模型实习的情况，我建议先找一段中厂实习为主", content.Advice[0]);
            Assert.Equal(
                new[] { "阶段训练（预训练几段、Post-training 几段？上下文用了多少？数据配比是什么？）", "模型创新点（MHA 创新是什么？作用是什么？）", "上下文优化创新点（一般是优化显存和阶段训练）", "多模态优化创新点（简历有多模态内容）", "几个模型不同之处（比如 Qwen2 和 Qwen2.5 的不同之处）" },
                content.Tips);
            Assert.Equal(new[] { "GQA", "DeepSeekV3", "R1", "kimi1.5", "Minimax-01", "Qwen2.5", "Qwen2.5-VL" }, content.Terms.Take(7));
            Assert.Contains("SwiGLU", content.Terms);
            Assert.DoesNotContain("PDF", content.Terms);
        }

        [Fact]
        public void BracketTitlePostSeparatesQuestionsExperienceTipsAndAdvice()
        {
            var content = Extract(Samples.InRepository("bytedance-llm-first-round.txt"));

            Assert.Equal("【字节大模型一面】面经，一小时，整体体验不错", content.Title);
            Assert.Equal(6, content.Questions.Length);
            Assert.Equal("MHA、MQA、GQA 的区别是什么？GQA 为什么能省显存？", content.Questions[1]);
            Assert.Equal("实现一个带 causal mask 的 MultiHeadAttention，要求支持 KV Cache。", content.Questions[5]);
            Assert.Equal(new[] { "面试官很 nice，先聊了 20 分钟实习项目，然后问八股，最后手撕。" }, content.Experiences);
            Assert.Equal(new[] { "手撕前先跟面试官确认输入输出的 shape" }, content.Tips);
            Assert.Equal(3, content.Advice.Length);
            Assert.Equal(new[] { "字节跳动", "大模型面试", "面经", "算法工程师" }, content.Topics);
            Assert.Equal(new[] { "Transformer", "MHA", "MQA", "GQA", "RoPE", "LoRA", "RLHF", "DPO" }, content.Terms.Take(8));
        }

        [Fact]
        public void EnglishMarkdownPostUsesLabelsAndAFirstLineTitle()
        {
            var content = Extract(Samples.InRepository("english-mle-loop.md"));

            Assert.Equal("LLM research engineer interview loop: what they asked", content.Title);
            Assert.Equal(
                new[]
                {
                    "implement top-k sampling and nucleus sampling from scratch in PyTorch.",
                    "Why does pre-norm train more stably than post-norm?",
                    "How does FlashAttention reduce memory traffic?",
                    "What is the difference between PPO and GRPO?",
                    "serve a 70B model at 2,000 requests per minute; discuss batching, KV cache paging and quantization.",
                },
                content.Questions);
            Assert.Equal(new[] { "think aloud, state assumptions first, and always give a back-of-the-envelope estimate." }, content.Tips);
            Assert.Equal(new[] { "read the vLLM paper before the system design round." }, content.Advice);
            Assert.Equal(new[] { "LLM", "PyTorch", "ML", "FlashAttention", "PPO", "GRPO", "KV", "vLLM" }, content.Terms);
        }

        [Theory]
        [InlineData("xhs-finetuning-questions.txt")]
        [InlineData("xhs-llm-interview-prep.txt")]
        public void SummaryIsTwoToFourOfThePostsOwnSentencesInPostOrder(string name)
        {
            var post = PostReader.ReadFile(Samples.Path(name));
            var summary = OfflineSummarizer.Extract(post).Summary;

            var positions = PiecesOfBody(summary, post.Body);
            Assert.InRange(positions.Count, 2, 4);
            Assert.Equal(positions.OrderBy(p => p), positions);
        }

        private static PostSummary Extract(string path) => OfflineSummarizer.Extract(PostReader.ReadFile(path));

        private static string[] AllItems(PostSummary content) =>
            content.Questions.Concat(content.Experiences).Concat(content.Tips).Concat(content.Advice).Concat(content.Terms).ToArray();

        /// <summary>
        /// Cuts the summary, left to right, into the longest pieces that occur in the body (skipping the 。 or . and space
        /// the summary adds between sentences) and returns where each piece occurs. Chosen sentences sit on different
        /// lines in these samples, so each piece is one sentence.
        /// </summary>
        private static System.Collections.Generic.List<int> PiecesOfBody(string summary, string body)
        {
            var positions = new System.Collections.Generic.List<int>();
            var start = 0;
            while (start < summary.Length)
            {
                var end = summary.Length;
                while (end > start && body.IndexOf(summary.Substring(start, end - start), StringComparison.Ordinal) < 0) end--;
                Assert.True(end > start, $"'{summary.Substring(start)}' is not in the post");
                positions.Add(body.IndexOf(summary.Substring(start, end - start), StringComparison.Ordinal));
                start = end;
                while (start < summary.Length && (summary[start] == '。' || summary[start] == '.' || summary[start] == ' ')) start++;
            }
            return positions;
        }
    }
}
