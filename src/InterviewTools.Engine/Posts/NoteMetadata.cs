using System.Collections.Generic;

namespace InterviewTools.Engine.Posts
{
    /// <summary>What a structured post format says about itself besides its body.</summary>
    internal sealed class NoteMetadata
    {
        public NoteMetadata(string? title, IReadOnlyList<string> tags, string body)
        {
            Title = title;
            Tags = tags;
            Body = body;
        }

        public string? Title { get; }
        public IReadOnlyList<string> Tags { get; }

        /// <summary>The text to summarise, still un-normalised.</summary>
        public string Body { get; }

        /// <summary>Splits a tag string written as one scalar ("面经, 大模型") and drops a leading '#'.</summary>
        public static void AddTags(List<string> tags, string? value)
        {
            if (value == null) return;
            foreach (var part in value.Split(TagSeparators))
            {
                var tag = part.Trim().TrimStart('#').Trim();
                if (tag.Length > 0) tags.Add(tag);
            }
        }

        private static readonly char[] TagSeparators = { ',', '，', '、', ';', '；' };
    }
}
