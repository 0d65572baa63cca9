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
        private static readonly TimeSpan WaitRefresh = TimeSpan.FromSeconds(1);
        private readonly Stopwatch _sinceWaitShown = new Stopwatch();
        private (string What, DateTimeOffset Until)? _waiting;
        private bool _started;
        private int _inFlight;
        private int _submitted;
        private int _finished;
        private readonly PostIntake _intake;
        private ErrorRecord? _runStopper;
        private bool _summaryWritten;

        private SummaryRunner(PSCmdlet cmdlet, PipelineWriter writer, SummaryEngine engine)
        {
            _cmdlet = cmdlet;
            _writer = writer;
            _engine = engine;
            _intake = new PostIntake(cmdlet, writer, engine);
            _abandon = CancellationTokenSource.CreateLinkedTokenSource(writer.Stopping);
            _progress = engine.Provider == PostSummaryProvider.Offline
                ? new ProgressRecord(OfflineActivityId, "Summarizing posts offline (extractive, no network)", "Starting")
                : new ProgressRecord(GeminiActivityId, $"Summarizing posts with {string.Join(", ", engine.Models)}", "Starting");
            writer.OnWaiting = ShowWaiting;
            writer.OnTick = ShowWaitingAgain;
        }

        public static SummaryRunner Open(PSCmdlet cmdlet, PipelineWriter writer, PostSummarySettings settings) =>
            new SummaryRunner(cmdlet, writer, EngineOpener.Open(cmdlet, writer, EngineSettingsOf(settings)));

        /// <summary>The engine's settings for the bound parameters; Measure-PostSummary opens its engine with the same.</summary>
        internal static EngineSettings EngineSettingsOf(PostSummarySettings settings) => new EngineSettings
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
        };

        public void SummarizeFiles(string path, bool literal) => _intake.Files(path, literal, Summarize);

        public void SummarizeText(string text) => _intake.Text(text, Summarize);

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
            _intake.Finish();
            WriteRunSummary();
            ThrowIfRunStopped();
        }

        /// <summary>The tag of the InformationRecord that holds the run's <see cref="RunSummary"/>.</summary>
        public const string RunSummaryTag = "InterviewTools.RunSummary";

        /// <summary>One InformationRecord (for -InformationVariable) and one -Verbose line with what the run did and spent.</summary>
        private void WriteRunSummary()
        {
            if (_summaryWritten) return;
            _summaryWritten = true;
            var summary = _engine.RunSummary(_intake.Unreadable);
            _writer.WriteInformation(summary, RunSummaryTag);
            _writer.WriteVerbose(summary.ToString());
        }

        public void Dispose()
        {
            _abandon.Cancel();
            _abandon.Dispose();
        }

        private void Summarize(PostDocument post)
        {
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
            if (_waiting == null || until >= _waiting.Value.Until || _waiting.Value.Until <= DateTimeOffset.UtcNow) _waiting = (what, until);
            WriteWaiting();
        }

        /// <summary>
        /// A pwsh 7 console draws a progress update only when the one before is old enough, so a single record for a long wait
        /// may never appear: while a wait lasts, its record is sent again every second with the seconds left.
        /// </summary>
        private void ShowWaitingAgain()
        {
            if (_waiting == null || _sinceWaitShown.Elapsed < WaitRefresh) return;
            if (_waiting.Value.Until > DateTimeOffset.UtcNow)
            {
                WriteWaiting();
                return;
            }
            _waiting = null;
            _writer.WriteProgress(_progress);
        }

        private void WriteWaiting()
        {
            var (what, until) = _waiting!.Value;
            var remaining = until - DateTimeOffset.UtcNow;
            _writer.WriteProgress(new ProgressRecord(GeminiActivityId, _progress.Activity,
                Message.Format(HostingMessages.WaitingForQuota, until.ToLocalTime(), what, _finished, _submitted))
            {
                SecondsRemaining = Math.Max(0, (int)Math.Ceiling(remaining.TotalSeconds)),
            });
            _sinceWaitShown.Restart();
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
            WriteRunSummary();
            _cmdlet.ThrowTerminatingError(_runStopper);
        }
    }
}
