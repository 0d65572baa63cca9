using System.Linq;
using System;
using InterviewTools.Engine.Posts;
using InterviewTools.Engine.Summaries;

namespace InterviewTools.Engine.Offline
{
    /// <summary>
    /// A deterministic extractive summarizer: no network, no model, the same notes for the same post every time.
    /// It reads the structure these posts have (a title line, numbered question lists, reading lists, cue words,
    /// hashtags) and fills the same content fields of a <see cref="PostSummary"/> as Gemini. Items keep the post's wording with numbering,
    /// bullets, emoji and hashtags removed. The rules live in <see cref="TitleRule"/>, <see cref="ItemSorter"/>,
    /// <see cref="CueWords"/>, <see cref="TopicCollector"/>, <see cref="TermExtractor"/> and <see cref="TextRank"/>.
    /// </summary>
    internal static class OfflineSummarizer
    {
        /// <summary>The model name offline outcomes carry, where Gemini outcomes carry a model id.</summary>
        public const string ModelLabel = "offline-extractive";

        /// <summary>The notes alone: the content half of a <see cref="PostSummary"/>.</summary>
        public static PostSummary Extract(PostDocument post)
        {
            if (post == null) throw new ArgumentNullException(nameof(post));
            var lines = LineSplitter.Split(post.Body);
            var title = TitleRule.Find(post.Title, lines, out var titleLine);

            var sorter = new ItemSorter();
            sorter.Sort(lines, titleLine);

            var terms = new ItemList(StringComparer.OrdinalIgnoreCase);
            if (title != null) TermExtractor.Collect(title, terms);
            foreach (var line in lines) TermExtractor.Collect(line.Text, terms);

            var summary = TextRank.Summarize(sorter.Candidates);
            return new PostSummary
            {
                Title = title,
                Summary = summary.Length > 0 ? summary : title ?? string.Empty,
                Experiences = sorter.Experiences.ToArray(),
                Tips = sorter.Tips.ToArray(),
                Advice = sorter.Advice.ToArray(),
                Questions = sorter.Questions.ToArray(),
                Topics = TopicCollector.Collect(post.Topics, post.Body).ToArray(),
                Terms = terms.ToArray(),
            };
        }

        /// <summary>An outcome shaped like Gemini's: Succeeded, Provider Offline, no key, no attempts.</summary>
        public static SummaryOutcome Summarize(PostDocument post, TimeProvider time)
        {
            if (time == null) throw new ArgumentNullException(nameof(time));
            var started = time.GetTimestamp();
            var record = Extract(post);
            record.Source = post.Source;
            record.ContentHash = post.ContentHash;
            record.Status = PostSummaryStatus.Succeeded;
            record.Provider = PostSummaryProvider.Offline;
            record.Model = ModelLabel;
            record.KeyId = string.Empty;
            record.Attempts = 0;
            record.Duration = time.GetElapsedTime(started);
            record.CompletedAt = time.GetUtcNow();
            return new SummaryOutcome(post, record);
        }

        /// <summary>
        /// Stands in for a Gemini summary the quota did not allow: flagged Fallback so the cache upgrades it once quota returns,
        /// and keeping when that is (RetryAt) and what Gemini tried (Attempts, Switches).
        /// </summary>
        public static SummaryOutcome StandIn(SummaryOutcome deferred, TimeProvider time)
        {
            var outcome = Summarize(deferred.Post, time);
            var record = outcome.Summary;
            record.Fallback = true;
            record.RetryAt = deferred.Summary.RetryAt;
            record.Attempts = deferred.Summary.Attempts;
            record.Switches = deferred.Summary.Switches;
            record.Duration += deferred.Summary.Duration;
            return outcome;
        }
    }
}
