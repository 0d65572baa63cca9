using System;
using System.Collections.Generic;
using System.IO;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace InterviewTools.Engine.Tests.Offline
{
    /// <summary>One entry of Labelled/labels.yaml: a post file and what a reader would extract from it.</summary>
    public sealed class LabelledPost
    {
        public static readonly string Folder = System.IO.Path.Combine(AppContext.BaseDirectory, "Offline", "Labelled");

        public string File { get; set; } = string.Empty;
        public string? Title { get; set; }
        public List<string> Topics { get; set; } = new List<string>();
        public List<string> Questions { get; set; } = new List<string>();
        public List<string> Experiences { get; set; } = new List<string>();
        public List<string> Tips { get; set; } = new List<string>();
        public List<string> Advice { get; set; } = new List<string>();
        public List<string> Terms { get; set; } = new List<string>();

        public string Path => System.IO.Path.Combine(Folder, File);

        public static IReadOnlyList<LabelledPost> Load()
        {
            var deserializer = new DeserializerBuilder().WithNamingConvention(CamelCaseNamingConvention.Instance).Build();
            return deserializer.Deserialize<List<LabelledPost>>(System.IO.File.ReadAllText(System.IO.Path.Combine(Folder, "labels.yaml")));
        }
    }
}
