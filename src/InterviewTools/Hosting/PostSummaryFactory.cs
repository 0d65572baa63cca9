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
                Status = outcome.Status == SummaryStatus.Succeeded ? PostSummaryStatus.Succeeded : PostSummaryStatus.Failed,
                Error = outcome.Failure?.Message,
                Model = outcome.Model,
                KeyId = outcome.KeyId,
                Attempts = outcome.Attempts,
                InputTokens = outcome.InputTokens,
                OutputTokens = outcome.OutputTokens,
                Duration = outcome.Duration,
                ContentHash = outcome.Post.ContentHash,
                CompletedAt = outcome.CompletedAt,
            };
        }
    }
}
