using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using InterviewTools.FakeGemini;

namespace InterviewTools.Bench;

/// <summary>
/// Per-post cost of the whole pipeline (PowerShell binding, reading, request building, JSON both ways, Polly,
/// PostSummary objects) against a zero-latency fake, next to a bare HttpClient loop posting the same body.
/// </summary>
internal static class OverheadBenchmark
{
    private const int PostCount = 2000;
    private const int Repeats = 7;
    private const int MaxWarmUpRounds = 12;
    private const string ApiKey = "bench-key-overhead";
    private static readonly int[] Concurrencies = { 1, 4, 8 };
    private static readonly TimeSpan RunTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan WarmUpTime = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(60);

    private sealed record Measurement(double PostsPerSecond, double CpuMsPerPost);

    public static async Task RunAsync()
    {
        Console.WriteLine("# overhead");
        var options = new FakeGeminiOptions();
        options.Keys[ApiKey] = "project-bench";
        await using var server = await FakeGeminiServer.StartAsync(options);
        Environment.SetEnvironmentVariable("GOOGLE_GEMINI_BASE_URL", server.BaseUrl);
        Environment.SetEnvironmentVariable("GEMINI_API_KEY", ApiKey);
        Environment.SetEnvironmentVariable("GOOGLE_API_KEY", null);
        // Unlimited quota on the fake, so the ledger must not pace by the built-in free-tier figures either.
        using var state = BenchState.Create("builtInLimits: false\n");

        var posts = MakePosts(PostCount);
        Console.WriteLine($"posts: {PostCount} × about {Encoding.UTF8.GetByteCount(posts[0])} bytes UTF-8 ({posts[0].Length} characters), fake at {server.BaseUrl}, zero latency, unlimited quota");

        using var runspace = HostedPowerShell.Open();
        HostedPowerShell.Run(runspace, HostedPowerShell.ImportScript, RunTimeout);
        // The first real call loads what -WhatIf does not (Polly, JSON and HTTP code paths); it also pays the
        // in-process fake's own first requests (about 95 ms here), which a real endpoint would not add.
        var loaded = AssemblyLoads.Snapshot();
        var firstCall = HostedPowerShell.TimeMs(() => RunModule(runspace, posts[..1], 1));
        AssemblyLoads.ReportNew("the first real Invoke-PostSummary", loaded);
        var secondCall = HostedPowerShell.TimeMs(() => RunModule(runspace, posts[1..2], 1));
        Console.WriteLine($"one post, first real call in this process: {Stats.Ms(firstCall)}; the same again: {Stats.Ms(secondCall)}");
        using var http = new HttpClient(new HttpClientHandler { AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate });

        var captured = server.Requests.Last(r => r.Route == RouteKind.Generate);
        var target = new Uri(captured.Url);
        Console.WriteLine($"bare loop posts the module's captured generateContent body ({Encoding.UTF8.GetByteCount(captured.Body)} bytes) to {captured.RawTarget}");

        // Warm up by time, not by count: tiered JIT kept postponing tier-1 code for ~10 s of this load
        // (throughput of both loops then roughly doubled), so count-based warm-ups measured the unsettled phase.
        var warmUp = Stopwatch.StartNew();
        for (var round = 1; round <= MaxWarmUpRounds && (round == 1 || warmUp.Elapsed < WarmUpTime); round++)
        {
            var line = new StringBuilder($"warm-up round {round}, posts/s module / bare:");
            foreach (var concurrency in Concurrencies)
            {
                server.ClearRequests();
                var module = RunModule(runspace, posts, concurrency);
                var bare = await RunBareAsync(http, target, captured.Body, PostCount, concurrency);
                line.Append($" C={concurrency} {module.PostsPerSecond:0} / {bare.PostsPerSecond:0}");
            }

            Console.WriteLine(line);
        }

        var rows = new List<string>();
        var clock = Stopwatch.StartNew();
        foreach (var concurrency in Concurrencies)
        {
            var module = new List<Measurement>();
            var bare = new List<Measurement>();
            for (var i = 0; i < Repeats && (i == 0 || clock.Elapsed < Budget); i++)
            {
                server.ClearRequests(); // the fake keeps every body; keep its memory flat
                module.Add(RunModule(runspace, posts, concurrency));
                bare.Add(await RunBareAsync(http, target, captured.Body, PostCount, concurrency));
            }

            var modulePps = Stats.Median(module.Select(m => m.PostsPerSecond));
            var barePps = Stats.Median(bare.Select(m => m.PostsPerSecond));
            var moduleCpu = Stats.Median(module.Select(m => m.CpuMsPerPost));
            var bareCpu = Stats.Median(bare.Select(m => m.CpuMsPerPost));
            var overheadMs = 1000 / modulePps - 1000 / barePps;
            Console.WriteLine($"C={concurrency}: module {modulePps:0} posts/s, bare HttpClient {barePps:0} posts/s, module/bare {modulePps / barePps:0.00}, " +
                              $"overhead {overheadMs:0.00} ms/post wall, CPU {moduleCpu:0.00} vs {bareCpu:0.00} ms/post (medians of {module.Count} runs)");
            Console.WriteLine($"  runs, posts/s: module {Runs(module)}; bare {Runs(bare)}");
            rows.Add($"| {concurrency} | {PostCount} | {modulePps:0} | {barePps:0} | {modulePps / barePps:0.00} | {overheadMs:0.00} | {moduleCpu:0.00} / {bareCpu:0.00} |");
        }

        Console.WriteLine();
        Console.WriteLine("| -ThrottleLimit | posts | module posts/s | bare HttpClient posts/s | module/bare | overhead ms/post (wall) | CPU ms/post module / bare |");
        Console.WriteLine("|---|---|---|---|---|---|---|");
        foreach (var row in rows) Console.WriteLine(row);
        Console.WriteLine();
    }

    private static Measurement RunModule(System.Management.Automation.Runspaces.Runspace runspace, string[] posts, int concurrency)
    {
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        // -Force: every run repeats the same posts, which the result cache would otherwise answer without a request.
        var output = HostedPowerShell.Run(runspace, "Invoke-PostSummary -Text $posts -ThrottleLimit $throttle -Force", RunTimeout,
            new Dictionary<string, object> { ["posts"] = posts, ["throttle"] = concurrency });
        var elapsed = watch.Elapsed;
        var succeeded = output.Count(o => o.Properties["Status"]?.Value?.ToString() == "Succeeded");
        if (succeeded != posts.Length) throw new InvalidOperationException($"Invoke-PostSummary: {succeeded} of {posts.Length} posts succeeded.");
        return Measure(posts.Length, elapsed, cpu);
    }

    private static async Task<Measurement> RunBareAsync(HttpClient http, Uri target, string body, int count, int concurrency)
    {
        using var timeout = new CancellationTokenSource(RunTimeout);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        var next = -1;
        var workers = Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            while (Interlocked.Increment(ref next) < count)
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, target) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
                request.Headers.TryAddWithoutValidation("x-goog-api-key", ApiKey);
                using var response = await http.SendAsync(request, timeout.Token);
                await response.Content.ReadAsStringAsync(timeout.Token);
                if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"bare loop: HTTP {(int)response.StatusCode}");
            }
        }));
        await Task.WhenAll(workers);
        return Measure(count, watch.Elapsed, cpu);
    }

    private static string Runs(IEnumerable<Measurement> runs) => string.Join(" ", runs.Select(m => m.PostsPerSecond.ToString("0")));

    private static Measurement Measure(int posts, TimeSpan elapsed, TimeSpan cpuBefore)
    {
        // Process CPU includes the in-process fake server, the same for both loops, so the difference is the module's.
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        return new Measurement(posts / elapsed.TotalSeconds, cpu.TotalMilliseconds / posts);
    }

    /// <summary>The ~1 KB Chinese sample post, numbered so every post is distinct (as later result caches will require).</summary>
    internal static string[] MakePosts(int count)
    {
        var sample = File.ReadAllText(Repository.SamplePost);
        return Enumerable.Range(1, count).Select(i => $"{sample.TrimEnd()}\n\n（第 {i} 篇）\n").ToArray();
    }
}
