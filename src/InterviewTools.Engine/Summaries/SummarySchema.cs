using System.Collections.Generic;
using InterviewTools.Engine.Gemini.Wire;

namespace InterviewTools.Engine.Summaries
{
    /// <summary>The response schema: one field per PostSummary note, in display order.</summary>
    internal static class SummarySchema
    {
        /// <summary>Bumped whenever the fields or their meaning change, so cached summaries of an older shape are not reused.</summary>
        public const int Version = 2;

        public const string Title = "title";
        public const string Summary = "summary";
        public const string Experiences = "experiences";
        public const string Tips = "tips";
        public const string Advice = "advice";
        public const string Questions = "questions";
        public const string Topics = "topics";
        public const string Terms = "terms";

        public static Schema Build()
        {
            var properties = new Dictionary<string, Schema>
            {
                [Title] = Text("A short title for the post (标题)."),
                [Summary] = Text("The main content of the post in 2-4 sentences (主要内容)."),
                [Experiences] = List("Key interview experiences the author reports (关键面试经验)."),
                [Tips] = List("Practical techniques for preparing or answering (技巧)."),
                [Advice] = List("Recommendations the author gives to candidates (建议)."),
                [Questions] = List("Interview questions the post lists, worded as in the post (面试题)."),
                [Topics] = List("Short topic keywords of the post (话题)."),
                [Terms] = List("Technical terms and acronyms the post uses, such as GQA, RoPE or LoRA (术语)."),
            };
            var order = new List<string> { Title, Summary, Experiences, Tips, Advice, Questions, Topics, Terms };
            return new Schema
            {
                Type = "OBJECT",
                Properties = properties,
                Required = new List<string> { Summary, Experiences, Tips, Advice, Questions },
                PropertyOrdering = order,
            };
        }

        private static Schema Text(string description) => new Schema { Type = "STRING", Description = description };

        private static Schema List(string description) =>
            new Schema { Type = "ARRAY", Description = description, Items = new Schema { Type = "STRING" } };
    }
}
