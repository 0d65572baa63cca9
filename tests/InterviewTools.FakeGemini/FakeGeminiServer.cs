using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace InterviewTools.FakeGemini;

/// <summary>A local stand-in for generativelanguage.googleapis.com (v1beta) on 127.0.0.1, for tests and benchmarks.</summary>
public sealed class FakeGeminiServer : IAsyncDisposable
{
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(2);

    private readonly WebApplication app;
    private readonly ServerState state;
    private int disposed;

    private FakeGeminiServer(WebApplication app, ServerState state)
    {
        this.app = app;
        this.state = state;
    }

    /// <summary>e.g. <c>http://127.0.0.1:41234</c>, without a trailing slash; the client appends <c>/v1beta/models/…</c>.</summary>
    public string BaseUrl => state.BaseUrl;

    public FakeGeminiOptions Options => state.Options;

    /// <summary>Replaces the default schema-filling echo; scripted replies from <see cref="Enqueue"/> still come first.</summary>
    public Func<GenerateCall, FakeReply>? Responder
    {
        get => state.Responder;
        set => state.Responder = value;
    }

    public IReadOnlyList<RecordedRequest> Requests => state.Log.Snapshot();

    /// <summary>Generate requests received (unary and streamed), counted on arrival, including ones still in progress.</summary>
    public int GenerateCount => state.Arrivals(RouteKind.Generate) + state.Arrivals(RouteKind.StreamGenerate);

    /// <summary>Peak number of generate requests in flight at once.</summary>
    public int MaxConcurrentGenerates => state.MaxConcurrentGenerates;

    /// <summary>Generate requests parked by <see cref="HoldGenerates"/> right now.</summary>
    public int WaitingGenerates => state.WaitingGenerates;

    /// <summary>Requests whose client disconnected before the fake finished with them.</summary>
    public int AbortedRequests => state.AbortedRequests;

    public static async Task<FakeGeminiServer> StartAsync(FakeGeminiOptions? options = null)
    {
        options ??= new FakeGeminiOptions();
        var state = new ServerState(options);
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(IPAddress.Loopback, options.Port);
        });
        var app = builder.Build();
        var pipeline = new RequestPipeline(state);
        app.Run(pipeline.HandleAsync);
        await app.StartAsync();

        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        state.BaseUrl = address.Replace("localhost", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/');
        return new FakeGeminiServer(app, state);
    }

    /// <summary>Requests received on <paramref name="route"/>, counted on arrival.</summary>
    public int CountFor(RouteKind route) => state.Arrivals(route);

    /// <summary>Answered requests with this status (0 = dropped by the fake, 499 = client went away).</summary>
    public int StatusCount(int status) => state.Log.Count(r => r.Status == status);

    /// <summary>Scripted replies are used FIFO by the next generate calls (only calls for <paramref name="model"/> when given) before the responder.</summary>
    public void Enqueue(FakeReply reply, string? model = null) => state.Enqueue(reply, model);

    /// <summary>Generate requests wait (until released or the client gives up) while the returned gate is undisposed.</summary>
    public IDisposable HoldGenerates() => state.Gate.Hold();

    public QuotaUsage Usage(string project, string model) => state.Quota.Usage(project, model);

    /// <summary>Usage of every (project, model) pair that has been seen.</summary>
    public IReadOnlyDictionary<(string Project, string Model), QuotaUsage> UsageSnapshot() => state.Quota.UsageByProjectAndModel();

    public void ClearRequests() => state.Log.Clear();

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) != 0)
        {
            return;
        }

        await state.Stopping.CancelAsync();
        using (var timeout = new CancellationTokenSource(StopTimeout))
        {
            await app.StopAsync(timeout.Token);
        }

        await app.DisposeAsync();
        state.Stopping.Dispose();
    }
}
