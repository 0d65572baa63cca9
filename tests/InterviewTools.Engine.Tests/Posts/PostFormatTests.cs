using System.IO;
using System.Text;
using InterviewTools.Engine.Posts;
using Xunit;

namespace InterviewTools.Engine.Tests.Posts
{
    public sealed class PostFormatTests : System.IDisposable
    {
        private const string NoteJson = @"{
  ""note_id"": ""65f0c1a2000000001203abcd"",
  ""type"": ""normal"",
  ""title"": ""【阿里大模型二面】[笑哭R]被问麻了"",
  ""desc"": ""1. 讲一下 LoRA 的原理？\n2. PPO 和 DPO 的区别是什么？\n#面经[话题]# #大模型[话题]#"",
  ""time"": 1710230400000,
  ""liked_count"": ""1024"",
  ""tag_list"": [ { ""id"": ""5be0"", ""name"": ""大模型"", ""type"": ""topic"" }, { ""id"": ""5be1"", ""name"": ""阿里"", ""type"": ""topic"" } ],
}";

        private readonly string _folder = Directory.CreateTempSubdirectory("it-formats-").FullName;

        public void Dispose() => Directory.Delete(_folder, true);

        [Fact]
        public void JsonExportGivesTitleTagsAndDescAsBody()
        {
            var post = PostReader.ReadFile(Write("note.json", NoteJson));

            Assert.Equal(PostFormat.XiaohongshuJson, post.Format);
            Assert.Equal("【阿里大模型二面】被问麻了", post.Title);
            Assert.Equal(new[] { "大模型", "阿里", "面经" }, post.Topics);
            Assert.StartsWith("1. 讲一下 LoRA 的原理？\n2. PPO 和 DPO", post.Body);
            Assert.DoesNotContain("liked_count", post.Body);
            Assert.DoesNotContain("[话题]", post.Body);
            Assert.Empty(post.DecodingWarnings);
        }

        [Fact]
        public void JsonIsRecognisedByContentWithoutAFileName()
        {
            var post = PostReader.ReadText("-Text[0]", "{\"note_card\": {\"title\": \"RAG 面经\", \"desc\": \"问了召回怎么做\", \"tag_list\": [\"RAG\", \"面经\"]}}");

            Assert.Equal(PostFormat.XiaohongshuJson, post.Format);
            Assert.Equal("RAG 面经", post.Title);
            Assert.Equal("问了召回怎么做", post.Body);
            Assert.Equal(new[] { "RAG", "面经" }, post.Topics);
        }

        [Fact]
        public void CrawlerExportWithCommaSeparatedTagsAndEmptyTitle()
        {
            var post = PostReader.ReadText("t", "{\"title\": \"\", \"desc\": \"【快手一面】\\n什么是 KV Cache？\", \"tag_list\": \"面经,快手, 大模型\"}");

            Assert.Equal("【快手一面】", post.Title);
            Assert.Equal(new[] { "面经", "快手", "大模型" }, post.Topics);
        }

        [Fact]
        public void JsonHashIgnoresCountersButNotText()
        {
            var original = PostReader.ReadText("a", NoteJson);
            var moreLikes = PostReader.ReadText("b", NoteJson.Replace("\"1024\"", "\"2048\""));
            var edited = PostReader.ReadText("c", NoteJson.Replace("LoRA", "QLoRA"));

            Assert.Equal(original.ContentHash, moreLikes.ContentHash);
            Assert.NotEqual(original.ContentHash, edited.ContentHash);
        }

        [Fact]
        public void JsonFileThatIsNoNoteIsReadAsTextWithAWarning()
        {
            var path = Write("list.json", "[1, 2, 3]");
            var post = PostReader.ReadFile(path);

            Assert.Equal(PostFormat.PlainText, post.Format);
            Assert.Equal("[1, 2, 3]", post.Body);
            var warning = Assert.Single(post.DecodingWarnings);
            Assert.Contains(path, warning);
            Assert.Contains("no note", warning);
        }

        [Fact]
        public void BracedTextWithoutJsonExtensionIsPlainTextSilently()
        {
            var post = PostReader.ReadText("t", "{面经} 什么是 MoE？");
            Assert.Equal(PostFormat.PlainText, post.Format);
            Assert.Empty(post.DecodingWarnings);
        }

        [Fact]
        public void EmptyNoteIsRefused()
        {
            var e = Assert.Throws<PostReadException>(() => PostReader.ReadText("n", "{\"title\": \" \", \"desc\": \"\"}"));
            Assert.Equal(PostProblem.Empty, e.Problem);
        }

        [Fact]
        public void NoteWithOnlyATitleUsesItAsBody()
        {
            var post = PostReader.ReadText("n", "{\"title\": \"大模型面试题汇总\", \"desc\": \"\"}");
            Assert.Equal("大模型面试题汇总", post.Body);
        }

        [Fact]
        public void FrontMatterGivesTitleAndTagsAndLeavesTheBody()
        {
            var text = "---\r\ntitle: \"Meta LLM 面经\"\r\ndate: 2025-03-01\r\ntags: [面经, \"#Meta\"]\r\ntopics: 大模型, 面经\r\n---\r\n\r\n1. What is GQA?\r\n#秋招[话题]#\r\n";
            var post = PostReader.ReadFile(Write("post.md", text));

            Assert.Equal(PostFormat.Markdown, post.Format);
            Assert.Equal("Meta LLM 面经", post.Title);
            Assert.Equal(new[] { "面经", "Meta", "大模型", "秋招" }, post.Topics);
            Assert.Equal("1. What is GQA?\n#秋招", post.Body);
        }

        [Fact]
        public void FrontMatterIsRecognisedInATxtFileToo()
        {
            var post = PostReader.ReadText("t", "---\ntitle: 面经\ntags:\n  - LLM\n---\n问了 RoPE");
            Assert.Equal(PostFormat.Markdown, post.Format);
            Assert.Equal("面经", post.Title);
            Assert.Equal(new[] { "LLM" }, post.Topics);
            Assert.Equal("问了 RoPE", post.Body);
        }

        [Fact]
        public void MarkdownWithoutFrontMatterTakesItsHeadingAsTitle()
        {
            var post = PostReader.ReadFile(Write("notes.md", "# 腾讯混元一面 #\n\n1. 讲讲 MoE"));
            Assert.Equal(PostFormat.Markdown, post.Format);
            Assert.Equal("腾讯混元一面", post.Title);
            Assert.Equal("# 腾讯混元一面 #\n\n1. 讲讲 MoE", post.Body);
        }

        [Fact]
        public void BrokenFrontMatterInMarkdownFileKeepsTheTextAndWarns()
        {
            var path = Write("broken.md", "---\ntitle: [unclosed\n---\n正文");
            var post = PostReader.ReadFile(path);

            Assert.Equal(PostFormat.Markdown, post.Format);
            Assert.Contains("正文", post.Body);
            Assert.Contains("title: [unclosed", post.Body);
            Assert.Contains("not valid YAML", Assert.Single(post.DecodingWarnings));
        }

        [Theory]
        [InlineData("---\ntitle: [unclosed\ntags: {\n---\n正文", "line 3, column 1")]
        [InlineData("---\ntitle: ok\ntags: *nowhere\n---\n正文", "line 3, column 7")]
        public void FrontMatterThatYamlDotNetThrowsOnKeepsTheTextAndWarnsWithItsLine(string text, string where)
        {
            var post = PostReader.ReadFile(Write("thrown.md", text));

            Assert.Contains("正文", post.Body);
            var warning = Assert.Single(post.DecodingWarnings);
            Assert.Contains("not valid YAML (" + where + ": ", warning);
            Assert.DoesNotContain("Operation is not valid", warning);
        }

        [Fact]
        public void FrontMatterNestedDeepEnoughToOverflowTheStackIsAWarningNotACrash()
        {
            var post = PostReader.ReadFile(Write("deep.md", "---\ntags: " + new string('[', 100_000) + new string(']', 100_000) + "\n---\n正文"));

            Assert.Contains("nested more than", Assert.Single(post.DecodingWarnings));
        }

        [Fact]
        public void DashedSeparatorInPlainTextIsNotFrontMatter()
        {
            var text = "---\n字节一面\n---\n问了 LoRA";
            var post = PostReader.ReadText("t", text);

            Assert.Equal(PostFormat.PlainText, post.Format);
            Assert.Equal(text, post.Body);
            Assert.Empty(post.DecodingWarnings);
        }

        [Fact]
        public void PlainTextHashIsTheHashOfTheNormalisedBody()
        {
            var post = PostReader.ReadFile(Samples.Path("xhs-llm-interview-prep.txt"));
            Assert.Equal(PostFormat.PlainText, post.Format);
            Assert.Equal(ContentHash.Of(post.Body), post.ContentHash);
        }

        private string Write(string name, string text)
        {
            var path = Path.Combine(_folder, name);
            File.WriteAllText(path, text, new UTF8Encoding(false));
            return path;
        }
    }
}
