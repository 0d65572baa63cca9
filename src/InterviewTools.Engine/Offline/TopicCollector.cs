using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace InterviewTools.Engine.Offline
{
    /// <summary>Topics: the reader's (hashtags, front matter tags, JSON tag_list), then any other #tag in the body, in order, once each.</summary>
    internal static class TopicCollector
    {
        public static IReadOnlyList<string> Collect(IReadOnlyList<string> declared, string body)
        {
            var topics = new ItemList(StringComparer.Ordinal);
            foreach (var topic in declared) topics.Add(topic.Trim());
            if (body.IndexOf('#') < 0) return topics.ToArray();
            for (var match = Decoration.Hashtag.Match(body); match.Success; match = match.NextMatch())
            {
                var tag = match.Groups["tag"].Value;
                if (!IsNumber(tag) && !StartsADeclaredTopic(declared, tag)) topics.Add(tag);
            }
            return topics.ToArray();
        }

        /// <summary>"#AI 应用[话题]#" reads as topic "AI 应用"; its first word in the body is no topic of its own.</summary>
        private static bool StartsADeclaredTopic(IReadOnlyList<string> declared, string tag)
        {
            foreach (var topic in declared)
            {
                if (topic.Length > tag.Length && topic.StartsWith(tag, StringComparison.Ordinal) && char.IsWhiteSpace(topic[tag.Length])) return true;
            }
            return false;
        }

        private static bool IsNumber(string tag)
        {
            foreach (var c in tag) if (c < '0' || c > '9') return false;
            return true;
        }
    }
}
