using System.Linq;
using InterviewTools.Engine.Summaries;

namespace InterviewTools.Hosting
{
    internal static class PostSummaryFactory
    {
        public static PostSummary From(SummaryOutcome outcome)
        {
            var content = outcome.Content ?? new SummaryContent { Title = outcome.Post.Title, Topics = outcome.Post.Topics };
            return new PostSummary
            {
                Source = outcome.Post.Source,
                Title = content.Title,
                Summary = content.Summary,
                Experiences = content.Experiences.ToArray(),
                Tips = content.Tips.ToArray(),
                Advice = content.Advice.ToArray(),
                Questions = content.Questions.ToArray(),
                Topics = content.Topics.ToArray(),
                Terms = content.Terms.ToArray(),
                Status = (PostSummaryStatus)(int)outcome.Status,
                Provider = (PostSummaryProvider)(int)outcome.Provider,
                Fallback = outcome.Fallback,
                Error = outcome.Failure?.Message,
                RetryAt = outcome.RetryAt,
                Model = outcome.Model,
                KeyId = outcome.KeyId,
                Attempts = outcome.Attempts,
                Switches = outcome.Switches.ToArray(),
                InputTokens = outcome.InputTokens,
                OutputTokens = outcome.OutputTokens,
                Duration = outcome.Duration,
                ContentHash = outcome.Post.ContentHash,
                CompletedAt = outcome.CompletedAt,
            };
        }
    }
}
