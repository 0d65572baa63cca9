using System;
using System.Collections.Generic;
using System.IO;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace InterviewTools.Engine.Tests.Offline
{
    /// <summary>One entry of a labels.yaml under Offline/Labelled: a post file and what a reader would extract from it.</summary>
    public sealed class LabelledPost
    {
        public static readonly string DevelopmentSet = System.IO.Path.Combine(AppContext.BaseDirectory, "Offline", "Labelled");
        public static readonly string HoldoutSet = System.IO.Path.Combine(DevelopmentSet, "Holdout");

        public string File { get; set; } = string.Empty;
        public string? Title { get; set; }
        public List<string> Topics { get; set; } = new List<string>();
        public List<string> Questions { get; set; } = new List<string>();
        public List<string> Experiences { get; set; } = new List<string>();
        public List<string> Tips { get; set; } = new List<string>();
        public List<string> Advice { get; set; } = new List<string>();
        public List<string> Terms { get; set; } = new List<string>();

        public string Path { get; private set; } = string.Empty;

        /// <summary>Reads labels.yaml in <paramref name="folder"/>; each entry's file lies beside it.</summary>
        public static IReadOnlyList<LabelledPost> Load(string folder)
        {
            var deserializer = new DeserializerBuilder().WithNamingConvention(CamelCaseNamingConvention.Instance).Build();
            var posts = deserializer.Deserialize<List<LabelledPost>>(System.IO.File.ReadAllText(System.IO.Path.Combine(folder, "labels.yaml")));
            foreach (var post in posts) post.Path = System.IO.Path.Combine(folder, post.File);
            return posts;
        }
    }
}
