using System.Collections.Generic;
using InterviewTools.Engine.Gemini.Wire;
using InterviewTools.Engine.Posts;

namespace InterviewTools.Engine.Summaries
{
    internal static class SummaryRequestBuilder
    {
        public static GenerateContentRequest Build(PostDocument post, SummarizerOptions options, string model, int? maxOutputTokens = null) => new GenerateContentRequest
        {
            SystemInstruction = Content.Instruction(SummaryPrompt.SystemInstruction(options.Prompt)),
            Contents = new List<Content> { Content.User(post.Body) },
            GenerationConfig = new GenerationConfig
            {
                Temperature = options.Temperature,
                MaxOutputTokens = maxOutputTokens ?? options.MaxOutputTokens,
                ResponseMimeType = "application/json",
                ResponseSchema = SummarySchema.Build(),
                ThinkingConfig = ThinkingPolicy.Minimal(model),
            },
        };
    }
}
