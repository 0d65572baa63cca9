using System;
using System.Collections.Concurrent;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using InterviewTools.Engine.Common;

namespace InterviewTools.Hosting
{
    /// <summary>
    /// The one way output reaches PowerShell, as in Mailozaurr's AsyncPSCmdlet: objects, errors, warnings, verbose lines,
    /// progress records and ShouldProcess questions may come from any thread. On the pipeline thread they are written at once,
    /// after whatever other threads queued before them; from any other thread they wait in one queue that the pipeline thread
    /// pumps. It is also the engine's log. StopProcessing calls <see cref="Stop"/>, which cancels everything in flight.
    /// </summary>
    internal sealed class PipelineWriter : IEngineLog, IDisposable
    {
        private readonly PSCmdlet _cmdlet;
        private readonly int _pipelineThread = Environment.CurrentManagedThreadId;
        private readonly BlockingCollection<Action> _queue = new BlockingCollection<Action>();
        private readonly CancellationTokenSource _stop = new CancellationTokenSource();

        /// <summary>Made on the pipeline thread, in BeginProcessing: that thread is the one it writes on.</summary>
        public PipelineWriter(PSCmdlet cmdlet)
        {
            _cmdlet = cmdlet;
        }

        /// <summary>Cancelled by StopProcessing (Ctrl+C): every engine call gets this token.</summary>
        public CancellationToken Stopping => _stop.Token;

        /// <summary>Shows a wait for quota; without it, waits are not shown.</summary>
        public Action<string, DateTimeOffset>? OnWaiting { get; set; }

        /// <summary>
        /// Runs on the pipeline thread at least every <see cref="TickInterval"/> while it pumps, whether or not anything was
        /// queued: what must be shown again while nothing else happens (a wait's progress record) is written from here.
        /// </summary>
        public Action? OnTick { get; set; }

        public static readonly TimeSpan TickInterval = TimeSpan.FromMilliseconds(500);

        public void Stop() => _stop.Cancel();

        public void WriteObject(object item) => Write(() => _cmdlet.WriteObject(item));

        public void WriteError(ErrorRecord record) => Write(() => _cmdlet.WriteError(record));

        public void WriteWarning(string message) => Write(() => _cmdlet.WriteWarning(message));

        public void WriteVerbose(string message) => Write(() => _cmdlet.WriteVerbose(message));

        public void WriteProgress(ProgressRecord record) => Write(() => _cmdlet.WriteProgress(record));

        public void WriteInformation(object data, string tag) => Write(() => _cmdlet.WriteInformation(data, new[] { tag }));

        /// <summary>Asks on the pipeline thread; a worker waits for the answer, or for Stop.</summary>
        public bool ShouldProcess(string target, string action)
        {
            if (OnPipelineThread)
            {
                Drain();
                return _cmdlet.ShouldProcess(target, action);
            }
            var answer = new TaskCompletionSource<bool>();
            _queue.Add(() => answer.TrySetResult(_cmdlet.ShouldProcess(target, action)));
            using (_stop.Token.Register(() => answer.TrySetCanceled()))
            {
                return answer.Task.GetAwaiter().GetResult();
            }
        }

        /// <summary>Runs <paramref name="write"/> on the pipeline thread, in order with everything else written.</summary>
        public void Post(Action write) => Write(write);

        void IEngineLog.Verbose(string message) => WriteVerbose(message);

        void IEngineLog.Warning(string message) => WriteWarning(message);

        void IEngineLog.Waiting(string what, DateTimeOffset until) => Write(() => OnWaiting?.Invoke(what, until));

        void IEngineLog.ConfigProblem(string configFile, string problem) => WriteError(ErrorRecords.ConfigProblem(configFile, problem));

        /// <summary>Writes whatever other threads have queued so far. Pipeline thread only.</summary>
        public void Drain()
        {
            while (_queue.TryTake(out var write)) write();
        }

        /// <summary>
        /// Waits on the pipeline thread for the next queued write and performs it, or for <see cref="TickInterval"/> when nothing
        /// comes; either way it then ticks. Stop ends the wait. Callers loop on their own condition.
        /// </summary>
        public void PumpOne()
        {
            Action? write;
            try
            {
                if (!_queue.TryTake(out write, (int)TickInterval.TotalMilliseconds, _stop.Token)) write = null;
            }
            catch (OperationCanceledException)
            {
                throw new PipelineStoppedException();
            }
            write?.Invoke();
            OnTick?.Invoke();
        }

        /// <summary>Pumps output until <paramref name="task"/> ends, then gives its result; a stopped pipeline ends the wait.</summary>
        public T Run<T>(Task<T> task)
        {
            task.ContinueWith(_ => _queue.Add(() => { }), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            while (!task.IsCompleted) PumpOne();
            Drain();
            if (task.IsCanceled) throw new PipelineStoppedException();
            return task.GetAwaiter().GetResult();
        }

        public void Dispose()
        {
            _stop.Cancel();
            _stop.Dispose();
        }

        private bool OnPipelineThread => Environment.CurrentManagedThreadId == _pipelineThread;

        private void Write(Action write)
        {
            if (!OnPipelineThread)
            {
                _queue.Add(write);
                return;
            }
            Drain();
            write();
        }
    }
}
