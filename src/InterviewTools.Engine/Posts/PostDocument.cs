using System.Collections.Generic;

namespace InterviewTools.Engine.Posts
{
    /// <summary>A post ready to summarise: decoded, normalised, with its markup lifted into fields.</summary>
    public sealed class PostDocument
    {
        public PostDocument(string source, string? title, string body, IReadOnlyList<string> topics, string contentHash, IReadOnlyList<string> decodingWarnings, PostFormat format = PostFormat.PlainText)
        {
            Format = format;
            Source = source;
            Title = title;
            Body = body;
            Topics = topics;
            ContentHash = contentHash;
            DecodingWarnings = decodingWarnings;
        }

        public string Source { get; }
        public string? Title { get; }
        public string Body { get; }
        public IReadOnlyList<string> Topics { get; }
        public string ContentHash { get; }

        /// <summary>Warnings about reading the post (dropped bytes, a guessed encoding, a format it did not turn out to be).</summary>
        public IReadOnlyList<string> DecodingWarnings { get; }

        public PostFormat Format { get; }
    }
}
