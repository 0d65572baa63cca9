using System;
using System.Collections.Generic;
using System.Linq;

namespace InterviewTools.FakeGemini;

internal sealed class RequestLog
{
    private readonly object sync = new();
    private readonly List<RecordedRequest> entries = [];

    public void Add(RecordedRequest request)
    {
        lock (sync)
        {
            entries.Add(request);
        }
    }

    public IReadOnlyList<RecordedRequest> Snapshot()
    {
        lock (sync)
        {
            return entries.ToArray();
        }
    }

    public int Count(Func<RecordedRequest, bool> predicate)
    {
        lock (sync)
        {
            return entries.Count(predicate);
        }
    }

    public void Clear()
    {
        lock (sync)
        {
            entries.Clear();
        }
    }
}
