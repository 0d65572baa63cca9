using System.Collections.Generic;
using System.Linq;
using InterviewTools.Engine.Offline;
using InterviewTools.Engine.Posts;
using Xunit;
using Xunit.Abstractions;

namespace InterviewTools.Engine.Tests.Offline
{
    /// <summary>
    /// Per-field precision and recall over hand-labelled posts (Offline/Labelled, see its README). The development set
    /// of 15 posts was used while writing the rules; the held-out set of 5 was written and labelled afterwards and never
    /// tuned against, so its figures are the honest estimate for new posts.
    /// </summary>
    public sealed class OfflineLabelledSetTests
    {
        private static readonly string[] Fields = { "title", "topics", "questions", "experiences", "tips", "advice", "terms" };

        /// <summary>
        /// Floors a little under the figures measured when they were set (the test output prints the figures). Tips and
        /// terms are lowest: many tips carry no cue word, and lower-case terms (softmax, prefill) are out of reach.
        /// </summary>
        private static readonly Dictionary<string, (double Precision, double Recall)> DevelopmentFloors = new Dictionary<string, (double, double)>
        {
            ["title"] = (0.95, 0.90),
            ["topics"] = (0.95, 0.95),
            ["questions"] = (0.90, 0.95),
            ["experiences"] = (0.90, 0.95),
            ["tips"] = (0.95, 0.55),
            ["advice"] = (0.88, 0.90),
            ["terms"] = (0.93, 0.78),
        };

        private static readonly Dictionary<string, (double Precision, double Recall)> HoldoutFloors = new Dictionary<string, (double, double)>
        {
            ["title"] = (0.80, 0.80),
            ["topics"] = (0.90, 0.90),
            ["questions"] = (0.85, 0.75),
            ["experiences"] = (0.60, 0.70),
            ["tips"] = (0.90, 0.60),
            ["advice"] = (0.90, 0.60),
            ["terms"] = (0.90, 0.65),
        };

        private readonly ITestOutputHelper _output;

        public OfflineLabelledSetTests(ITestOutputHelper output) => _output = output;

        [Fact]
        public void DevelopmentSetMeetsItsFloors() => Measure("development set", LabelledPost.DevelopmentSet, 15, DevelopmentFloors);

        [Fact]
        public void HoldoutSetMeetsItsFloors() => Measure("held-out set", LabelledPost.HoldoutSet, 5, HoldoutFloors);

        private void Measure(string name, string folder, int expectedPosts, Dictionary<string, (double Precision, double Recall)> floors)
        {
            var posts = LabelledPost.Load(folder);
            Assert.Equal(expectedPosts, posts.Count);
            var scores = Fields.ToDictionary(field => field, field => new FieldScore(field));
            foreach (var labelled in posts)
            {
                var content = OfflineSummarizer.Extract(PostReader.ReadFile(labelled.Path));
                var post = labelled.File;
                scores["title"].Add(post, Optional(labelled.Title), Optional(content.Title));
                scores["topics"].Add(post, labelled.Topics, content.Topics);
                scores["questions"].Add(post, labelled.Questions, content.Questions);
                scores["experiences"].Add(post, labelled.Experiences, content.Experiences);
                scores["tips"].Add(post, labelled.Tips, content.Tips);
                scores["advice"].Add(post, labelled.Advice, content.Advice);
                scores["terms"].Add(post, labelled.Terms, content.Terms);
            }

            _output.WriteLine($"Offline summarizer on the {name}, {posts.Count} posts (micro-averaged):");
            _output.WriteLine(FieldScore.Table(scores.Values));
            foreach (var score in scores.Values) foreach (var miss in score.Misses) _output.WriteLine($"[{score.Field}] {miss}");

            var below = scores.Values
                .Where(s => s.Precision < floors[s.Field].Precision || s.Recall < floors[s.Field].Recall)
                .Select(s => s.Line())
                .ToList();
            Assert.True(below.Count == 0, "Below the floor:\n" + string.Join("\n", below));
        }

        private static IEnumerable<string> Optional(string? value) => value == null ? Enumerable.Empty<string>() : new[] { value };
    }
}
