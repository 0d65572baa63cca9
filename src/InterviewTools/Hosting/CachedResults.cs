using System;
using System.Collections.Concurrent;
using System.IO;
using System.Management.Automation;
using InterviewTools.Engine.Cache;
using InterviewTools.Engine.Posts;
using InterviewTools.Engine.State;
using InterviewTools.Engine.Summaries;

namespace InterviewTools.Hosting
{
    /// <summary>
    /// The result cache as Invoke-PostSummary uses it: finished summaries are kept the moment they finish, on whichever thread,
    /// and a rerun reuses them without a request. Its warnings wait in a queue for the pipeline thread.
    /// </summary>
    internal sealed class CachedResults
    {
        private readonly ResultCache _cache;
        private readonly CacheKey _key;
        private readonly bool _force;
        private readonly ConcurrentQueue<string> _warnings = new ConcurrentQueue<string>();

        public CachedResults(PostSummaryProvider family, string prompt, bool force)
        {
            _cache = new ResultCache(StateDirectory.Resolve(), _warnings.Enqueue);
            _key = CacheKey.For(prompt, family);
            _force = force;
        }

        /// <summary>A cached summary to emit instead of summarizing again; never under -Force, and never an offline stand-in a Gemini run could upgrade.</summary>
        public bool TryReuse(PostDocument post, out PostSummary? cached)
        {
            cached = null;
            return !_force && _cache.TryGet(post, _key, out cached, includeFallback: false);
        }

        /// <summary>The offline stand-in kept by an earlier run, for a post whose Gemini quota is still gone.</summary>
        public SummaryOutcome? KeptStandIn(PostDocument post) =>
            !_force && _cache.TryGet(post, _key, out var cached, includeFallback: true) && cached.Fallback ? SummaryOutcome.Kept(post, cached) : null;

        public void Keep(SummaryOutcome outcome)
        {
            try
            {
                _cache.Store(outcome, _key);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                _warnings.Enqueue($"{outcome.Post.Source}: the summary could not be kept in the cache ({e.Message}); a rerun will summarize it again.");
            }
        }

        public void WriteWarnings(PSCmdlet cmdlet)
        {
            while (_warnings.TryDequeue(out var warning)) cmdlet.WriteWarning(warning);
        }
    }
}
