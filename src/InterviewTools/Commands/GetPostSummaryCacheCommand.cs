using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using InterviewTools.Engine.Cache;
using InterviewTools.Hosting;

namespace InterviewTools.Commands
{
    /// <summary>Lists the summaries in the result cache, oldest first, without changing anything.</summary>
    [Cmdlet(VerbsCommon.Get, "PostSummaryCache")]
    [OutputType(typeof(PostSummaryCacheEntry))]
    public sealed class GetPostSummaryCacheCommand : PSCmdlet
    {
        [Parameter(Position = 0)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(CacheSourceCompleter))]
        public string[]? Source { get; set; }

        [Parameter]
        public DateTime? Before { get; set; }

        [Parameter]
        public DateTime? After { get; set; }

        [Parameter]
        public SwitchParameter Fallback { get; set; }

        protected override void EndProcessing()
        {
            var cache = ResultCache.Open(Environment.GetEnvironmentVariable, new PipelineWriter(this));
            var filter = new CacheEntryFilter(Source, Before, After, Fallback.IsPresent);
            CacheFile[] entries;
            try
            {
                entries = cache.List().ToArray();
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                ThrowTerminatingError(ErrorRecords.CacheUnreadable(cache.Root, e));
                return;
            }
            WriteVerbose($"The result cache in {cache.Root} holds {entries.Length} entries.");
            foreach (var broken in entries.Where(e => e.Problem != null))
            {
                WriteWarning($"The cached summary {broken.Path} cannot be used ({broken.Problem}). The next run that needs it replaces it; Clear-PostSummaryCache without filters removes it now.");
            }
            foreach (var entry in entries.Where(e => e.Problem == null && filter.Matches(e)).Select(e => e.Entry!).OrderBy(e => e.CachedAt).ThenBy(e => e.Source, StringComparer.Ordinal))
            {
                WriteObject(entry);
            }
            foreach (var source in filter.UnmatchedLiteralSources()) WriteError(ErrorRecords.CacheEntryNotFound(source, cache.Root));
        }
    }
}
