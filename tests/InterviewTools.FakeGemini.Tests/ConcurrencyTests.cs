using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace InterviewTools.FakeGemini.Tests;

public sealed class ConcurrencyTests
{
    [Fact]
    public async Task HeldGeneratesWaitUntilReleased()
    {
        await using var server = await FakeGeminiServer.StartAsync();
        Task<System.Net.Http.HttpResponseMessage> pending;
        using (server.HoldGenerates())
        {
            pending = Gemini.GenerateAsync(server, Gemini.TextRequest("hi"));
            await Gemini.WaitUntilAsync(() => server.WaitingGenerates == 1, "the request is parked");
            await Task.Delay(50);
            Assert.False(pending.IsCompleted);
            Assert.Equal(1, server.GenerateCount);
            Assert.Empty(server.Requests);
        }

        using var response = await pending;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, server.WaitingGenerates);
    }

    [Fact]
    public async Task ClientAbortWhileHeldIsCounted()
    {
        await using var server = await FakeGeminiServer.StartAsync();
        using var hold = server.HoldGenerates();
        using var cancel = new CancellationTokenSource();
        var pending = Gemini.GenerateAsync(server, Gemini.TextRequest("hi"), cancellation: cancel.Token);
        await Gemini.WaitUntilAsync(() => server.WaitingGenerates == 1, "the request is parked");

        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<System.OperationCanceledException>(() => pending);
        await Gemini.WaitUntilAsync(() => server.AbortedRequests == 1 && server.WaitingGenerates == 0, "the server saw the abort");
        await Gemini.WaitUntilAsync(() => server.StatusCount(499) == 1, "the abort is logged");
        Assert.Equal(499, Assert.Single(server.Requests).Status);
    }

    [Fact]
    public async Task PeakConcurrencyIsMeasured()
    {
        await using var server = await FakeGeminiServer.StartAsync();
        Task<System.Net.Http.HttpResponseMessage>[] pending;
        using (server.HoldGenerates())
        {
            pending = Enumerable.Range(0, 3).Select(_ => Gemini.GenerateAsync(server, Gemini.TextRequest("hi"))).ToArray();
            await Gemini.WaitUntilAsync(() => server.WaitingGenerates == 3, "three requests are parked");
        }

        foreach (var response in await Task.WhenAll(pending))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            response.Dispose();
        }

        Assert.Equal(3, server.MaxConcurrentGenerates);
    }

    [Fact]
    public async Task SequentialRequestsNeverOverlap()
    {
        await using var server = await FakeGeminiServer.StartAsync();
        for (int i = 0; i < 5; i++)
        {
            using var response = await Gemini.GenerateAsync(server, Gemini.TextRequest("hi"));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        Assert.Equal(1, server.MaxConcurrentGenerates);
    }

    [Fact]
    public async Task DisposeDoesNotWaitForHeldRequests()
    {
        var server = await FakeGeminiServer.StartAsync();
        var hold = server.HoldGenerates();
        var pending = Gemini.GenerateAsync(server, Gemini.TextRequest("hi"));
        await Gemini.WaitUntilAsync(() => server.WaitingGenerates == 1, "the request is parked");
        var watch = System.Diagnostics.Stopwatch.StartNew();

        await server.DisposeAsync();

        Assert.True(watch.Elapsed < System.TimeSpan.FromSeconds(1.5), $"dispose took {watch.Elapsed}");
        await Assert.ThrowsAnyAsync<System.Exception>(() => pending);
        hold.Dispose();
    }
}
