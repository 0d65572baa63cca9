using System;
using System.Diagnostics;
using System.Management.Automation;
using InterviewTools.Engine.Offline;
using InterviewTools.Engine.Posts;

namespace InterviewTools.Hosting
{
    /// <summary>Summarizes posts with the built-in extractive summarizer, on the pipeline thread: it needs no network and takes well under a millisecond per post.</summary>
    internal sealed class OfflineRun
    {
        private const int ProgressActivityId = 0x5158;
        private static readonly TimeSpan ProgressInterval = TimeSpan.FromMilliseconds(250);

        private readonly PSCmdlet _cmdlet;
        private readonly CachedResults _cache;
        private readonly ProgressRecord _progress = new ProgressRecord(ProgressActivityId, "Summarizing posts offline (extractive, no network)", "Starting");
        private readonly Stopwatch _sinceProgress = Stopwatch.StartNew();
        private int _done;

        public OfflineRun(PSCmdlet cmdlet, CachedResults cache)
        {
            _cmdlet = cmdlet;
            _cache = cache;
        }

        public void Summarize(PostDocument post)
        {
            var outcome = OfflineSummarizer.Summarize(post, TimeProvider.System);
            _cache.Keep(outcome);
            _done++;
            if (_sinceProgress.Elapsed >= ProgressInterval)
            {
                _progress.StatusDescription = $"{_done} done: {System.IO.Path.GetFileName(post.Source)}";
                _cmdlet.WriteProgress(_progress);
                _sinceProgress.Restart();
            }
            _cmdlet.WriteVerbose($"{post.Source}: summarized offline in {outcome.Summary.Duration.TotalMilliseconds:0.0} ms.");
            _cmdlet.WriteObject(outcome.Summary);
        }

        public void Finish()
        {
            _progress.RecordType = ProgressRecordType.Completed;
            _cmdlet.WriteProgress(_progress);
        }
    }
}
