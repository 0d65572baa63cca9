using System;
using System.Threading;
using System.Threading.Tasks;

namespace InterviewTools.FakeGemini;

/// <summary>While any hold is open, generate requests park until every hold is released.</summary>
internal sealed class GenerateGate
{
    private readonly object sync = new();
    private int holds;
    private TaskCompletionSource opened = NewOpenedSource(completed: true);

    public IDisposable Hold()
    {
        lock (sync)
        {
            if (holds++ == 0)
            {
                opened = NewOpenedSource(completed: false);
            }
        }

        return new Release(this);
    }

    public Task WaitOpenAsync(CancellationToken cancellation)
    {
        Task task;
        lock (sync)
        {
            task = opened.Task;
        }

        return task.IsCompleted ? Task.CompletedTask : task.WaitAsync(cancellation);
    }

    public bool IsHeld
    {
        get
        {
            lock (sync)
            {
                return holds > 0;
            }
        }
    }

    private void Open()
    {
        lock (sync)
        {
            if (--holds == 0)
            {
                opened.TrySetResult();
            }
        }
    }

    private static TaskCompletionSource NewOpenedSource(bool completed)
    {
        var source = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (completed)
        {
            source.SetResult();
        }

        return source;
    }

    private sealed class Release(GenerateGate gate) : IDisposable
    {
        private int disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref disposed, 1) == 0)
            {
                gate.Open();
            }
        }
    }
}
