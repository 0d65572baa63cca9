using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace InterviewTools.FakeGemini;

/// <summary>Everything the request pipeline shares: log, counters, quotas, scripts.</summary>
internal sealed class ServerState(FakeGeminiOptions options)
{
    private readonly object scriptSync = new();
    private readonly List<(FakeReply Reply, string? Model)> script = [];
    private readonly int[] arrivalsByRoute = new int[Enum.GetValues<RouteKind>().Length];
    private int generatesInFlight;
    private int maxConcurrentGenerates;
    private int waitingGenerates;
    private int abortedRequests;

    public FakeGeminiOptions Options { get; } = options;

    public RequestLog Log { get; } = new();

    public QuotaTracker Quota { get; } = new(options);

    public GenerateGate Gate { get; } = new();

    public ResponseIds ResponseIds { get; } = new();

    public CancellationTokenSource Stopping { get; } = new();

    public string BaseUrl { get; set; } = string.Empty;

    public Func<GenerateCall, FakeReply>? Responder { get; set; }

    public int MaxConcurrentGenerates => Volatile.Read(ref maxConcurrentGenerates);

    public int WaitingGenerates => Volatile.Read(ref waitingGenerates);

    public int AbortedRequests => Volatile.Read(ref abortedRequests);

    public void Enqueue(FakeReply reply, string? model)
    {
        lock (scriptSync)
        {
            script.Add((reply, model));
        }
    }

    public FakeReply? DequeueFor(string model)
    {
        lock (scriptSync)
        {
            int index = script.FindIndex(entry => entry.Model is null || entry.Model == model);
            if (index < 0)
            {
                return null;
            }

            var reply = script[index].Reply;
            script.RemoveAt(index);
            return reply;
        }
    }

    /// <summary>Counted on arrival, so a request still in progress is already visible to tests.</summary>
    public int Arrivals(RouteKind route) => Volatile.Read(ref arrivalsByRoute[(int)route]);

    public void Arrived(RouteKind route)
    {
        Interlocked.Increment(ref arrivalsByRoute[(int)route]);
        if (route is RouteKind.Generate or RouteKind.StreamGenerate)
        {
            GenerateStarted();
        }
    }

    private void GenerateStarted()
    {
        int now = Interlocked.Increment(ref generatesInFlight);
        int peak;
        while (now > (peak = Volatile.Read(ref maxConcurrentGenerates))
               && Interlocked.CompareExchange(ref maxConcurrentGenerates, now, peak) != peak)
        {
        }
    }

    public void GenerateWaiting(int delta) => Interlocked.Add(ref waitingGenerates, delta);

    public void ClientAborted() => Interlocked.Increment(ref abortedRequests);

    /// <summary>Logs the request once, just before its response starts, so a client that has its answer also sees it logged.</summary>
    public void Record(Exchange exchange, int status)
    {
        if (exchange.Recorded)
        {
            return;
        }

        exchange.Recorded = true;
        if (exchange.IsGenerate)
        {
            Interlocked.Decrement(ref generatesInFlight);
        }

        var request = exchange.Http.Request;
        var rawTarget = exchange.Http.Features.Get<IHttpRequestFeature>()?.RawTarget ?? request.Path + request.QueryString;
        Log.Add(new RecordedRequest
        {
            Method = request.Method,
            Path = request.Path.Value ?? string.Empty,
            Query = request.QueryString.Value ?? string.Empty,
            RawTarget = rawTarget,
            Url = BaseUrl + rawTarget,
            Headers = request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            Route = exchange.Route,
            Model = exchange.Model,
            ApiKeyHeader = request.Headers.TryGetValue("x-goog-api-key", out var header) ? header.ToString() : null,
            KeyInQuery = request.Query.ContainsKey("key"),
            Project = exchange.Project,
            Body = exchange.Body,
            Status = status,
            ReceivedAt = exchange.ReceivedAt,
        });
    }
}
