using InterviewTools.Engine.Offline;
using InterviewTools.Engine.Posts;
using Xunit;

namespace InterviewTools.Engine.Tests.Offline
{
    /// <summary>Single rules of the extractor, each on the smallest post that shows it.</summary>
    public sealed class OfflineRuleTests
    {
        [Theory]
        [InlineData("1. 什么是 GQA？")]
        [InlineData("1、什么是 GQA？")]
        [InlineData("1）什么是 GQA？")]
        [InlineData("(1) 什么是 GQA？")]
        [InlineData("（1）什么是 GQA？")]
        [InlineData("① 什么是 GQA？")]
        [InlineData("1\uFE0F\u20E3 什么是 GQA？")]
        [InlineData("- 什么是 GQA？")]
        [InlineData("* 什么是 GQA？")]
        [InlineData("• 什么是 GQA？")]
        [InlineData("✅什么是 GQA？")]
        [InlineData("Q1: 什么是 GQA？")]
        [InlineData("🔥1. 什么是 GQA？[笑哭R]")]
        [InlineData("1. 什么是 ✨GQA？😭")]
        public void NumberingBulletsAndEmojiAreStrippedFromItems(string line)
        {
            var content = OfflineSummarizer.Extract(PostReader.ReadText("t", "面试题：\n" + line));
            Assert.Equal(new[] { "什么是 GQA？" }, content.Questions);
        }

        [Fact]
        public void DecimalNumberIsNotNumbering()
        {
            var content = OfflineSummarizer.Extract(PostReader.ReadText("t", "面试题：\n2.5 亿参数的模型怎么部署？"));
            Assert.Equal(new[] { "2.5 亿参数的模型怎么部署？" }, content.Questions);
        }

        [Fact]
        public void ShortFirstLineIsTheTitleButALongOrIntroducingOneIsNot()
        {
            Assert.Equal("大模型面试复盘", OfflineSummarizer.Extract(PostReader.ReadText("t", "大模型面试复盘\n问了 GQA")).Title);
            Assert.Null(OfflineSummarizer.Extract(PostReader.ReadText("t", "面试题如下：\n1. 什么是 GQA？")).Title);
            Assert.Null(OfflineSummarizer.Extract(PostReader.ReadText("t", "今天面完了。感觉一般\n问了 GQA")).Title);
            Assert.Null(OfflineSummarizer.Extract(PostReader.ReadText("t", "只有一行的帖子")).Title);
        }

        [Fact]
        public void FrontMatterAndJsonTitlesAndTagsArrive()
        {
            var markdown = OfflineSummarizer.Extract(PostReader.ReadText("t", "---\ntitle: 面经 🎉\ntags: [LLM, 面经]\n---\n1. 什么是 RoPE？\n#秋招"));
            Assert.Equal("面经", markdown.Title);
            Assert.Equal(new[] { "LLM", "面经", "秋招" }, markdown.Topics);
            Assert.Equal(new[] { "什么是 RoPE？" }, markdown.Questions);

            var json = OfflineSummarizer.Extract(PostReader.ReadText("t", "{\"title\": \"快手一面\", \"desc\": \"1. 什么是 MoE？\", \"tag_list\": [{\"name\": \"快手\"}]}"));
            Assert.Equal("快手一面", json.Title);
            Assert.Equal(new[] { "快手" }, json.Topics);
            Assert.Equal(new[] { "什么是 MoE？" }, json.Questions);
        }

        [Theory]
        [InlineData("建议先把八股背熟。", "advice")]
        [InlineData("一定要自己推一遍 DPO。", "advice")]
        [InlineData("DeepSeekV3：必读", "advice")]
        [InlineData("注意控制时间。", "tips")]
        [InlineData("先说结论再展开。", "tips")]
        [InlineData("面试官追问了很多细节。", "experiences")]
        [InlineData("第二天就收到感谢信了。", "experiences")]
        [InlineData("You should read the paper.", "advice")]
        [InlineData("Focus on the evals.", "tips")]
        [InlineData("The interviewer was friendly.", "experiences")]
        [InlineData("做传统推荐出身。", "none")]
        public void CueWordsDecideTheField(string sentence, string field)
        {
            var content = OfflineSummarizer.Extract(PostReader.ReadText("t", "标题行\n" + sentence));
            Assert.Equal(field == "advice" ? new[] { sentence } : new string[0], content.Advice);
            Assert.Equal(field == "tips" ? new[] { sentence } : new string[0], content.Tips);
            Assert.Equal(field == "experiences" ? new[] { sentence } : new string[0], content.Experiences);
        }

        [Fact]
        public void HeaderCategoryFilesItemsWithoutCuesOfTheirOwn()
        {
            var content = OfflineSummarizer.Extract(PostReader.ReadText("t", "标题行\n技巧：\n- 准备一个项目\n推荐阅读：\n- LoRA 论文\n八股部分：\n- LoRA 原理"));
            Assert.Equal(new[] { "准备一个项目" }, content.Tips);
            Assert.Equal(new[] { "LoRA 论文" }, content.Advice);
            Assert.Equal(new[] { "LoRA 原理" }, content.Questions);
        }

        [Fact]
        public void QuestionsReportedInAnInterviewParagraphAreLifted()
        {
            var content = OfflineSummarizer.Extract(PostReader.ReadText("t", "标题行\n一面面试官问了 LoRA 的秩怎么选、RoPE 为什么能外推，还有一道题。"));
            Assert.Equal(new[] { "LoRA 的秩怎么选", "RoPE 为什么能外推" }, content.Questions);
            Assert.Single(content.Experiences);

            var notAnInterview = OfflineSummarizer.Extract(PostReader.ReadText("t", "标题行\n好多人私信问我看哪些论文比较好。"));
            Assert.Empty(notAnInterview.Questions);
        }

        [Fact]
        public void TermsAreOrderedDedupedAndSkipPlainWords()
        {
            var content = OfflineSummarizer.Extract(PostReader.ReadText("t", "标题行\nGQA 和 RoPE、LoRA，再看 DeepSeekV3 与 Qwen2.5；gqa 重复，OK 和 AI 不算，Tensor Parallel 算一个，The Model is here."));
            Assert.Equal(new[] { "GQA", "RoPE", "LoRA", "DeepSeekV3", "Qwen2.5", "Tensor Parallel" }, content.Terms);
        }

        [Fact]
        public void TopicsAreTheReadersThenOtherBodyHashtagsOnce()
        {
            var content = OfflineSummarizer.Extract(PostReader.ReadText("t", "---\ntags: [b, a]\n---\n正文 #c #a #1 C# 不算\n#AI 应用[话题]#"));
            Assert.Equal(new[] { "b", "a", "AI 应用", "c" }, content.Topics);
        }
    }
}
