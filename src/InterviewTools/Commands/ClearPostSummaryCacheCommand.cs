using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using InterviewTools.Engine.Cache;
using InterviewTools.Hosting;

namespace InterviewTools.Commands
{
    /// <summary>
    /// Removes summaries from the result cache: those the filters select, those piped from Get-PostSummaryCache, or, with
    /// neither, all of them. Each removal asks ShouldProcess (ConfirmImpact High), since a removed summary costs quota to make again.
    /// </summary>
    [Cmdlet(VerbsCommon.Clear, "PostSummaryCache", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, DefaultParameterSetName = FilterSet)]
    public sealed class ClearPostSummaryCacheCommand : PSCmdlet
    {
        private const string FilterSet = "Filter";
        private const string InputSet = "InputObject";
        private const string RemoveAction = "Remove cached summary";

        /// <summary>Temporary files this old cannot belong to a write still in progress.</summary>
        private static readonly TimeSpan LeftoverAge = TimeSpan.FromMinutes(10);

        private ResultCache? _cache;
        private int _removed;
        private long _removedBytes;

        [Parameter(Position = 0, ParameterSetName = FilterSet)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(CacheSourceCompleter))]
        public string[]? Source { get; set; }

        [Parameter(ParameterSetName = FilterSet)]
        public DateTime? Before { get; set; }

        [Parameter(ParameterSetName = FilterSet)]
        public DateTime? After { get; set; }

        [Parameter(ParameterSetName = FilterSet)]
        public SwitchParameter Fallback { get; set; }

        [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = InputSet)]
        public PostSummaryCacheEntry[] InputObject { get; set; } = Array.Empty<PostSummaryCacheEntry>();

        protected override void BeginProcessing() => _cache = ResultCache.Open(Environment.GetEnvironmentVariable, new PipelineWriter(this));

        protected override void ProcessRecord()
        {
            if (ParameterSetName != InputSet) return;
            foreach (var entry in InputObject.Where(e => e != null))
            {
                if (!_cache!.IsEntryPath(entry.Path))
                {
                    WriteError(ErrorRecords.NotACacheEntry(entry.Path, _cache.Root));
                    continue;
                }
                Remove(entry.Path, $"{entry.Source} ({entry.Path})", entry.SizeBytes);
            }
        }

        protected override void EndProcessing()
        {
            if (ParameterSetName == FilterSet) ClearSelected();
            WriteVerbose($"Removed {_removed} cached {(_removed == 1 ? "summary" : "summaries")} ({_removedBytes:N0} bytes) from {_cache!.Root}.");
        }

        private void ClearSelected()
        {
            var filter = new CacheEntryFilter(Source, Before, After, Fallback.IsPresent);
            CacheFile[] selected;
            try
            {
                selected = _cache!.List().Where(filter.Matches).OrderBy(e => e.Entry?.CachedAt ?? default).ToArray();
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                ThrowTerminatingError(ErrorRecords.CacheUnreadable(_cache!.Root, e));
                return;
            }
            foreach (var entry in selected)
            {
                var target = entry.Entry != null ? $"{entry.Entry.Source} ({entry.Path})" : $"{entry.Path} (unreadable: {entry.Problem})";
                Remove(entry.Path, target, entry.SizeBytes);
            }
            foreach (var source in filter.UnmatchedLiteralSources()) WriteError(ErrorRecords.CacheEntryNotFound(source, _cache.Root));
            if (filter.SelectsEverything) RemoveLeftovers();
        }

        private void Remove(string path, string target, long sizeBytes)
        {
            if (!ShouldProcess(target, RemoveAction)) return;
            try
            {
                if (_cache!.Delete(path))
                {
                    _removed++;
                    _removedBytes += sizeBytes;
                }
                else
                {
                    WriteVerbose($"{path} was already gone.");
                }
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                WriteError(ErrorRecords.CacheEntryNotRemoved(path, e));
            }
        }

        private void RemoveLeftovers()
        {
            var leftovers = _cache!.Leftovers(LeftoverAge);
            if (leftovers.Count == 0 || !ShouldProcess($"{leftovers.Count} temporary files left by stopped runs in {_cache.Root}", "Remove")) return;
            _cache.RemoveLeftovers(LeftoverAge);
        }
    }
}
