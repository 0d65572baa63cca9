using System.IO;
using System.Text;
using InterviewTools.Engine.Posts;
using Xunit;

namespace InterviewTools.Engine.Tests.Posts
{
    public sealed class PostReaderTests : System.IDisposable
    {
        private readonly string _folder = Directory.CreateTempSubdirectory("it-posts-").FullName;

        public void Dispose() => Directory.Delete(_folder, true);

        [Fact]
        public void SampleFineTuningPostLosesEmojiCodesAndKeepsHashtagsAsTopics()
        {
            var post = PostReader.ReadFile(Samples.Path("xhs-finetuning-questions.txt"));

            Assert.DoesNotContain("[清单R]", post.Body);
            Assert.DoesNotContain("[彩虹R]", post.Body);
            Assert.DoesNotContain("[话题]", post.Body);
            Assert.Contains("Fine-tuning的三种微调方式", post.Body);
            Assert.Equal(new[] { "互联网大厂", "AI大模型应用", "大模型应用", "程序员", "大模型面试", "AI应用开发", "AI应用工程师", "AIengineer", "转码" }, post.Topics);
            Assert.Null(post.Title);
            Assert.StartsWith("sha256:", post.ContentHash);
        }

        [Fact]
        public void SamplePrepPostKeepsItsNumberedLists()
        {
            var post = PostReader.ReadFile(Samples.Path("xhs-llm-interview-prep.txt"));
            Assert.Contains("1. DeepSeekV3：必读", post.Body);
            Assert.Equal(7, post.Topics.Count);
            Assert.Equal("算法", post.Topics[0]);
        }

        [Fact]
        public void BracketTitleLineIsRecognised()
        {
            var post = PostReader.ReadText("t", "【字节大模型一面】面经\n1. 讲讲 RoPE\n#面经[话题]# #面经[话题]#");
            Assert.Equal("【字节大模型一面】面经", post.Title);
            Assert.Equal(new[] { "面经" }, post.Topics);
            Assert.EndsWith("#面经 #面经", post.Body);
        }

        [Fact]
        public void SameTextInDifferentEncodingsHasTheSameHash()
        {
            var text = "【面经】\r\n什么是 LoRA？";
            var utf8 = Write("a.txt", Encoding.UTF8.GetBytes(text));
            var utf16 = Write("b.txt", new UnicodeEncoding(false, true).GetPreamble());
            File.AppendAllText(utf16, text, new UnicodeEncoding(false, false));
            Assert.Equal(PostReader.ReadFile(utf8).ContentHash, PostReader.ReadFile(utf16).ContentHash);
        }

        [Theory]
        [InlineData("")]
        [InlineData("   \r\n\t  \n")]
        [InlineData("[清单R][彩虹R]")]
        public void EmptyPostsAreRefused(string text)
        {
            var path = Write("empty.txt", Encoding.UTF8.GetBytes(text));
            var e = Assert.Throws<PostReadException>(() => PostReader.ReadFile(path));
            Assert.Equal(PostProblem.Empty, e.Problem);
            Assert.Contains(path, e.Message);
        }

        [Fact]
        public void MissingFileAndDirectoryAreNamedProblems()
        {
            Assert.Equal(PostProblem.NotFound, Assert.Throws<PostReadException>(() => PostReader.ReadFile(Path.Combine(_folder, "nope.txt"))).Problem);
            Assert.Equal(PostProblem.IsDirectory, Assert.Throws<PostReadException>(() => PostReader.ReadFile(_folder)).Problem);
        }

        private string Write(string name, byte[] bytes)
        {
            var path = Path.Combine(_folder, name);
            File.WriteAllBytes(path, bytes);
            return path;
        }
    }
}
