using System;
using System.Diagnostics;
using System.Globalization;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using InterviewTools.Engine;
using InterviewTools.Engine.Posts;
using InterviewTools.Engine.Summaries;
using InterviewTools.Resources;

namespace InterviewTools.Hosting
{
    /// <summary>
    /// Invoke-PostSummary between binding and writing: resolve paths, read and plan each post, ask ShouldProcess, run up to
    /// ThrottleLimit posts at once on worker threads, and write each outcome, its errors and the progress through the writer.
    /// Every decision about a post is the engine's; this class decides only what PowerShell shows.
    /// </summary>
    internal sealed class SummaryRunner : IDisposable
    {
        private const int GeminiActivityId = 0x5157;
        private const int OfflineActivityId = 0x5158;
        private static readonly TimeSpan OfflineProgressInterval = TimeSpan.FromMilliseconds(250);

        private readonly PSCmdlet _cmdlet;
        private readonly PipelineWriter _writer;
        private readonly SummaryEngine _engine;
        private readonly CancellationTokenSource _abandon;
        private readonly ProgressRecord _progress;
        private readonly Stopwatch _sinceProgress = Stopwatch.StartNew();
        private bool _started;
        private int _inFlight;
        private int _submitted;
        private int _finished;
        private int _textCount;
        private int _pipedStringsNotFound;
        private ErrorRecord? _runStopper;

        private SummaryRunner(PSCmdlet cmdlet, PipelineWriter writer, SummaryEngine engine)
        {
            _cmdlet = cmdlet;
            _writer = writer;
            _engine = engine;
            _abandon = CancellationTokenSource.CreateLinkedTokenSource(writer.Stopping);
            _progress = engine.Provider == PostSummaryProvider.Offline
                ? new ProgressRecord(OfflineActivityId, "Summarizing posts offline (extractive, no network)", "Starting")
                : new ProgressRecord(GeminiActivityId, $"Summarizing posts with {string.Join(", ", engine.Models)}", "Starting");
            writer.OnWaiting = ShowWaiting;
        }

        public static SummaryRunner Open(PSCmdlet cmdlet, PipelineWriter writer, PostSummarySettings settings)
        {
            var engine = EngineOpener.Open(cmdlet, writer, new EngineSettings
            {
                ApiKeys = settings.ApiKey == null ? null : ApiKeySource.Reveal(settings.ApiKey),
                Models = settings.Models,
                Prompt = settings.Prompt,
                RequestTimeout = TimeSpan.FromSeconds(settings.TimeoutSec),
                MaxRetries = settings.MaxRetryCount,
                ThrottleLimit = settings.ThrottleLimit,
                MaxWaitSec = settings.MaxWaitSec,
                Provider = settings.Provider,
                Fallback = settings.Fallback,
                Force = settings.Force,
            });
            return new SummaryRunner(cmdlet, writer, engine);
        }

        public void SummarizeFiles(string path, bool literal)
        {
            if (!literal && path.IndexOf('\n') >= 0)
            {
                _writer.WriteError(ErrorRecords.PathLooksLikeText(path));
                return;
            }
            var files = PathHelper.ResolveExisting(_cmdlet, path, literal);
            if (files == null)
            {
                if (!literal && _cmdlet.MyInvocation.ExpectingInput) _pipedStringsNotFound++;
                return;
            }
            foreach (var file in files) Summarize(() => _engine.ReadFile(file));
        }

        public void SummarizeText(string text)
        {
            _textCount++;
            var source = "text:" + _textCount.ToString(CultureInfo.InvariantCulture);
            Summarize(() => _engine.ReadText(source, text));
        }

        public void Finish()
        {
            while (_inFlight > 0) _writer.PumpOne();
            _writer.Drain();
            if (_started || _engine.Provider == PostSummaryProvider.Offline)
            {
                _progress.RecordType = ProgressRecordType.Completed;
                _writer.WriteProgress(_progress);
            }
            if (_engine.DeferralSummary() is { } deferrals) _writer.WriteWarning(deferrals);
            // Get-Content without -Raw pipes a post line by line, and every line binds to -Path: one hint, beside each line's error.
            if (_pipedStringsNotFound > 1) _writer.WriteWarning(ErrorRecords.LinesPipedAsPathsHint(_pipedStringsNotFound));
            ThrowIfRunStopped();
        }

        public void Dispose()
        {
            _abandon.Cancel();
            _abandon.Dispose();
        }

        private void Summarize(Func<PostDocument> read)
        {
            PostDocument post;
            try
            {
                post = read();
            }
            catch (PostReadException e)
            {
                _writer.WriteError(ErrorRecords.BadPost(e));
                return;
            }
            var plan = _engine.Plan(post);
            if (plan.Cached != null)
            {
                _writer.WriteObject(plan.Cached);
                return;
            }
            if (plan.Unsendable != null)
            {
                // -WhatIf lists it too, with its estimate and the limit in the way; nothing is ever sent for it.
                if (_writer.ShouldProcess(post.Source, plan.Action)) _writer.WriteError(ErrorRecords.BadPost(plan.Unsendable));
                return;
            }
            if (!_writer.ShouldProcess(post.Source, plan.Action)) return;
            if (_engine.Provider == PostSummaryProvider.Offline) SummarizeHere(plan);
            else Submit(plan);
        }

        /// <summary>The offline summarizer needs no network and well under a millisecond: it runs on the pipeline thread.</summary>
        private void SummarizeHere(PostPlan plan)
        {
            var task = _engine.SummarizeAsync(plan, _abandon.Token);
            _finished++;
            if (_sinceProgress.Elapsed >= OfflineProgressInterval)
            {
                _progress.StatusDescription = $"{_finished} done: {System.IO.Path.GetFileName(plan.Post.Source)}";
                _writer.WriteProgress(_progress);
                _sinceProgress.Restart();
            }
            Completed(plan.Post, task);
        }

        private void Submit(PostPlan plan)
        {
            ThrowIfRunStopped();
            if (!_started)
            {
                _engine.Start();
                _started = true;
            }
            while (_inFlight >= _engine.ThrottleLimit) _writer.PumpOne();
            _inFlight++;
            _submitted++;
            ShowProgress(plan.Post.Source);
            var token = _abandon.Token;
            Task.Run(() => _engine.SummarizeAsync(plan, token))
                .ContinueWith(done => _writer.Post(() => Finished(plan.Post, done, token)), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            _writer.Drain();
            ThrowIfRunStopped();
        }

        /// <summary>A worker's post is done (or stopped, or crashed); runs on the pipeline thread.</summary>
        private void Finished(PostDocument post, Task<SummaryOutcome> done, CancellationToken token)
        {
            _inFlight--;
            _finished++;
            if (done.IsCanceled && token.IsCancellationRequested) return;
            Completed(post, done);
        }

        private void Completed(PostDocument post, Task<SummaryOutcome> done)
        {
            if (done.IsFaulted)
            {
                _writer.WriteError(ErrorRecords.Unexpected(post.Source, done.Exception!.GetBaseException()));
                return;
            }
            if (done.IsCanceled)
            {
                _writer.WriteError(ErrorRecords.Unexpected(post.Source, new OperationCanceledException()));
                return;
            }
            Emit(done.Result);
        }

        private void Emit(SummaryOutcome outcome)
        {
            var failure = outcome.Failure;
            if (outcome.StopsRun)
            {
                if (_runStopper == null)
                {
                    _runStopper = ErrorRecords.RunStopped(failure!);
                    _abandon.Cancel();
                }
                return;
            }
            if (outcome.IsInputProblem)
            {
                _writer.WriteError(ErrorRecords.FailedSummary(outcome.Post.Source, failure!));
                return;
            }
            _writer.WriteObject(outcome.Summary);
            if (failure != null && outcome.Summary.Status != PostSummaryStatus.Deferred) _writer.WriteError(ErrorRecords.FailedSummary(outcome.Post.Source, failure));
        }

        private void ShowWaiting(string what, DateTimeOffset until)
        {
            var remaining = until - DateTimeOffset.UtcNow;
            _writer.WriteProgress(new ProgressRecord(GeminiActivityId, _progress.Activity,
                Message.Format(HostingMessages.WaitingForQuota, until.ToLocalTime(), what, _finished, _submitted))
            {
                SecondsRemaining = Math.Max(0, (int)Math.Ceiling(remaining.TotalSeconds)),
            });
        }

        private void ShowProgress(string source)
        {
            _progress.StatusDescription = Message.Format(HostingMessages.Progress, _finished, _submitted, _inFlight, System.IO.Path.GetFileName(source));
            _writer.WriteProgress(_progress);
        }

        private void ThrowIfRunStopped()
        {
            if (_runStopper == null) return;
            while (_inFlight > 0) _writer.PumpOne();
            _writer.Drain();
            _cmdlet.ThrowTerminatingError(_runStopper);
        }
    }
}
