namespace InterviewTools.Engine.Summaries
{
    internal static class SummaryPrompt
    {
        /// <summary>The question the user's original script asked of every post.</summary>
        public const string Default = "请总结这篇大模型面试经验分享的主要内容，提取关键面试经验、技巧和建议";

        /// <summary>Keeps the answer in the post's language and inside the schema, whatever the user's prompt says.</summary>
        public const string AnswerRules =
            "Answer only with JSON that follows the response schema. Write every field in the language of the post " +
            "(a Chinese post gets Chinese notes). List interview questions as the post words them. " +
            "Use an empty list when the post says nothing for a field; never invent content.";

        public static string SystemInstruction(string userPrompt) => userPrompt.Trim() + "\n\n" + AnswerRules;
    }
}
