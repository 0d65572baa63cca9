using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using InterviewTools.Engine.Offline;
using InterviewTools.Engine.Posts;
using InterviewTools.Engine.Summaries;
using Xunit;

namespace InterviewTools.Engine.Tests.Offline
{
    public sealed class OfflineDeterminismTests
    {
        [Fact]
        public void SamePostGivesIdenticalNotesFromFreshDocumentsWithOtherPostsInBetween()
        {
            var paths = AllPostPaths();
            var first = paths.Select(path => Render(OfflineSummarizer.Extract(PostReader.ReadFile(path)))).ToList();
            var reversed = paths.AsEnumerable().Reverse().Select(path => Render(OfflineSummarizer.Extract(PostReader.ReadFile(path)))).Reverse().ToList();

            Assert.Equal(first, reversed);
        }

        [Fact]
        public void ParallelCallsGiveTheSameNotesAsSequentialOnes()
        {
            var posts = AllPostPaths().Select(PostReader.ReadFile).ToList();
            var sequential = posts.Select(post => Render(OfflineSummarizer.Extract(post))).ToList();
            var parallel = new string[posts.Count * 8];
            Parallel.For(0, parallel.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i => parallel[i] = Render(OfflineSummarizer.Extract(posts[i % posts.Count])));

            for (var i = 0; i < parallel.Length; i++) Assert.Equal(sequential[i % posts.Count], parallel[i]);
        }

        private static List<string> AllPostPaths() =>
            new[] { LabelledPost.DevelopmentSet, LabelledPost.HoldoutSet }
                .SelectMany(folder => LabelledPost.Load(folder).Select(post => post.Path))
                .Concat(new[] { Samples.Path("xhs-finetuning-questions.txt"), Samples.Path("xhs-llm-interview-prep.txt") })
                .ToList();

        /// <summary>Every field, in a form where any difference shows.</summary>
        public static string Render(PostSummary content) => string.Join("\n\u241E\n",
            content.Title ?? "\u2400",
            content.Summary,
            string.Join("\u241F", content.Questions),
            string.Join("\u241F", content.Experiences),
            string.Join("\u241F", content.Tips),
            string.Join("\u241F", content.Advice),
            string.Join("\u241F", content.Topics),
            string.Join("\u241F", content.Terms));
    }
}
