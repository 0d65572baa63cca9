using System;
using System.Collections.Concurrent;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using InterviewTools.Engine.Gemini;
using InterviewTools.Engine.Posts;
using InterviewTools.Engine.Offline;
using InterviewTools.Engine.Rotation;
using InterviewTools.Engine.Summaries;

namespace InterviewTools.Hosting
{
    /// <summary>
    /// Runs up to ThrottleLimit summaries at once on worker threads and brings every result, error, warning,
    /// verbose line and progress update back to the pipeline thread, the only thread PowerShell lets write.
    /// </summary>
    internal sealed class SummaryRunner : ISummaryObserver, IDisposable
    {
        private const int ProgressActivityId = 0x5157;

        private readonly PSCmdlet _cmdlet;
        private readonly PostSummarizer _summarizer;
        private readonly int _throttleLimit;
        private readonly BlockingCollection<PipelineMessage> _messages = new BlockingCollection<PipelineMessage>();
        private readonly CancellationTokenSource _stop = new CancellationTokenSource();
        private readonly CancellationTokenSource _abandon;
        private readonly ProgressRecord _progress;
        private int _inFlight;
        private int _submitted;
        private int _finished;
        private readonly DeferralReport _deferrals;
        private readonly bool _fallbackOffline;
        private readonly CachedResults _cache;
        private readonly GeminiSetup _gemini;
        private ErrorRecord? _runStopper;

        public SummaryRunner(PSCmdlet cmdlet, GeminiSetup gemini, SummarizerOptions options, int throttleLimit, bool fallbackOffline, CachedResults cache)
        {
            _cmdlet = cmdlet;
            _cache = cache;
            _gemini = gemini;
            _fallbackOffline = fallbackOffline;
            _throttleLimit = throttleLimit;
            _abandon = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
            var planner = new RoutePlanner(gemini.Keys, options.Models, gemini.Ledger, TimeProvider.System, options.MaxWait);
            _summarizer = new PostSummarizer(new GeminiClient(GeminiHttp.Shared, gemini.Endpoint), planner, options, TimeProvider.System, this);
            _deferrals = new DeferralReport(planner, TimeProvider.System);
            _progress = new ProgressRecord(ProgressActivityId, $"Summarizing posts with {string.Join(", ", options.Models)}", "Starting");
            cmdlet.WriteVerbose($"Using {string.Join(" > ", options.Models)} at {gemini.Endpoint} with {gemini.Keys.Count} key(s) in {planner.ProjectCount} project(s) " +
                $"({string.Join(", ", gemini.Keys)}); ledger {gemini.Ledger.Path}; up to {throttleLimit} request(s) at once, waiting at most {options.MaxWait.TotalSeconds:0} s for quota.");
        }

        public void Submit(PostDocument post)
        {
            ThrowIfRunStopped();
            while (_inFlight >= _throttleLimit) Handle(Take());
            _inFlight++;
            _submitted++;
            ShowProgress(post.Source);
            var token = _abandon.Token;
            Task.Run(() => RunAsync(post, token));
            DrainAvailable();
            ThrowIfRunStopped();
        }

        public void Finish()
        {
            while (_inFlight > 0) Handle(Take());
            DrainAvailable();
            _progress.RecordType = ProgressRecordType.Completed;
            _cmdlet.WriteProgress(_progress);
            _cache.WriteWarnings(_cmdlet);
            _gemini.WriteLedgerWarnings(_cmdlet);
            if (_deferrals.Count > 0) _cmdlet.WriteWarning(_deferrals.Describe());
            ThrowIfRunStopped();
        }

        public void Stop() => _stop.Cancel();

        public void Verbose(string message) => _messages.Add(PipelineMessage.Verbose(message));

        public void Warning(string message) => _messages.Add(PipelineMessage.Warning(message));

        public void Waiting(string what, DateTimeOffset until) => _messages.Add(PipelineMessage.Waiting(what, until));

        public void Dispose()
        {
            _stop.Cancel();
            _abandon.Dispose();
            _stop.Dispose();
        }

        private async Task RunAsync(PostDocument post, CancellationToken token)
        {
            try
            {
                var outcome = await _summarizer.SummarizeAsync(post, token).ConfigureAwait(false);
                if (outcome.Summary.Status == PostSummaryStatus.Deferred) outcome = StandInFor(outcome);
                _cache.Keep(outcome);
                _messages.Add(PipelineMessage.Completed(outcome));
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
                _messages.Add(PipelineMessage.Cancelled(post));
            }
            catch (Exception e)
            {
                _messages.Add(PipelineMessage.Crashed(post, e));
            }
        }

        /// <summary>A deferred post keeps the offline stand-in an earlier run cached, or gets a new one with -Fallback Offline.</summary>
        private SummaryOutcome StandInFor(SummaryOutcome deferred)
        {
            var kept = _cache.KeptStandIn(deferred.Post);
            if (kept != null)
            {
                kept.Summary.RetryAt = deferred.Summary.RetryAt;
                return kept;
            }
            return _fallbackOffline ? OfflineSummarizer.StandIn(deferred, TimeProvider.System) : deferred;
        }

        private PipelineMessage Take()
        {
            try
            {
                return _messages.Take(_stop.Token);
            }
            catch (OperationCanceledException)
            {
                throw new PipelineStoppedException();
            }
        }

        private void DrainAvailable()
        {
            _cache.WriteWarnings(_cmdlet);
            _gemini.WriteLedgerWarnings(_cmdlet);
            while (_messages.TryTake(out var message)) Handle(message);
        }

        private void Handle(PipelineMessage message)
        {
            if (message.EndsWork)
            {
                _inFlight--;
                _finished++;
            }
            switch (message.Kind)
            {
                case PipelineMessageKind.Verbose:
                    _cmdlet.WriteVerbose(message.Text);
                    break;
                case PipelineMessageKind.Warning:
                    _cmdlet.WriteWarning(message.Text);
                    break;
                case PipelineMessageKind.Waiting:
                    ShowWaiting(message.Text!, message.Until);
                    break;
                case PipelineMessageKind.Crashed:
                    _cmdlet.WriteError(ErrorRecords.Unexpected(message.Post!.Source, message.Exception!));
                    break;
                case PipelineMessageKind.Completed:
                    Emit(message.Outcome!);
                    break;
            }
        }

        private void Emit(SummaryOutcome outcome)
        {
            var failure = outcome.Failure;
            if (failure != null && failure.StopsTheRun)
            {
                if (_runStopper == null)
                {
                    _runStopper = ErrorRecords.FailedSummary(outcome.Post.Source, failure);
                    _abandon.Cancel();
                }
                return;
            }
            if (failure != null && failure.IsInputProblem)
            {
                _cmdlet.WriteError(ErrorRecords.FailedSummary(outcome.Post.Source, failure));
                return;
            }
            if (outcome.Summary.Fallback) _deferrals.Add(outcome);
            if (outcome.Summary.Status == PostSummaryStatus.Deferred)
            {
                _deferrals.Add(outcome);
                _cmdlet.WriteVerbose($"{outcome.Post.Source}: {outcome.Failure?.Message}");
                _cmdlet.WriteObject(outcome.Summary);
                return;
            }
            _cmdlet.WriteVerbose($"{outcome.Post.Source}: {outcome.Summary.Status} after {outcome.Summary.Attempts} attempt(s) in {outcome.Summary.Duration.TotalSeconds:0.00} s ({outcome.Summary.InputTokens} input, {outcome.Summary.OutputTokens} output tokens).");
            _cmdlet.WriteObject(outcome.Summary);
            if (failure != null) _cmdlet.WriteError(ErrorRecords.FailedSummary(outcome.Post.Source, failure));
        }

        private void ShowWaiting(string what, DateTimeOffset until)
        {
            var remaining = until - DateTimeOffset.UtcNow;
            _cmdlet.WriteProgress(new ProgressRecord(ProgressActivityId, _progress.Activity,
                $"Waiting until {until.ToLocalTime():HH:mm:ss} for quota ({what}); {_finished} of {_submitted} done")
            {
                SecondsRemaining = Math.Max(0, (int)Math.Ceiling(remaining.TotalSeconds)),
            });
        }

        private void ShowProgress(string source)
        {
            _progress.StatusDescription = $"{_finished} of {_submitted} done, {_inFlight} in flight: {System.IO.Path.GetFileName(source)}";
            _cmdlet.WriteProgress(_progress);
        }

        private void ThrowIfRunStopped()
        {
            if (_runStopper == null) return;
            while (_inFlight > 0) Handle(Take());
            _cmdlet.ThrowTerminatingError(_runStopper);
        }
    }
}
