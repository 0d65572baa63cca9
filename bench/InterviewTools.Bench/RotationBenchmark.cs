using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using InterviewTools.FakeGemini;

namespace InterviewTools.Bench;

/// <summary>
/// Invoke-PostSummary against K projects × M models with known RPM/RPD and a latency: makespan against the bound the
/// quotas allow, 429s received, posts completed and deferred; and the request rate against a bare HttpClient loop.
/// </summary>
internal static class RotationBenchmark
{
    private static readonly string[] Models = { "gemini-3.5-flash", "gemini-3.1-flash-lite" };
    private static readonly string[] Keys = { "bench-rotation-key-1", "bench-rotation-key-2" };
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(5);

    private sealed record Scenario(string Name, int Posts, int Throttle, int Rpm, int Rpd, TimeSpan Latency, bool LimitsKnown);

    public static async Task RunAsync()
    {
        Console.WriteLine("# rotation");
        var rows = new List<string>();
        foreach (var scenario in new[]
        {
            new Scenario("known limits, 2 minute windows", 60, 4, 10, 1000, TimeSpan.FromMilliseconds(100), LimitsKnown: true),
            new Scenario("unknown limits, 2 minute windows", 60, 4, 10, 1000, TimeSpan.FromMilliseconds(100), LimitsKnown: false),
            new Scenario("known daily limits run out", 30, 4, 100, 5, TimeSpan.FromMilliseconds(100), LimitsKnown: true),
            new Scenario("unknown daily limits run out", 30, 4, 100, 5, TimeSpan.FromMilliseconds(100), LimitsKnown: false),
        })
        {
            rows.Add(await RunScenarioAsync(scenario));
        }

        Console.WriteLine();
        Console.WriteLine("| scenario | K×M | RPM / RPD | posts | -ThrottleLimit | latency | makespan | bound | ratio | 429s (max per project×model) | completed | deferred |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var row in rows) Console.WriteLine(row);
        Console.WriteLine();
        await RunOverheadAsync();
    }

    private static async Task<string> RunScenarioAsync(Scenario scenario)
    {
        var options = new FakeGeminiOptions { Latency = scenario.Latency };
        options.Keys = new Dictionary<string, string> { [Keys[0]] = "project-1", [Keys[1]] = "project-2" };
        foreach (var model in Models) options.ModelQuotas[model] = new QuotaLimits(Rpm: scenario.Rpm, Rpd: scenario.Rpd);
        await using var server = await FakeGeminiServer.StartAsync(options);
        var limits = string.Concat(Models.Select(m => $"  {m}: {{ rpm: {scenario.Rpm}, rpd: {scenario.Rpd} }}\n"));
        using var state = BenchState.Create("builtInLimits: false\n" + (scenario.LimitsKnown ? "limits:\n" + limits : string.Empty));
        Point(server);

        using var runspace = HostedPowerShell.Open();
        HostedPowerShell.Run(runspace, HostedPowerShell.ImportScript, RunTimeout);
        var posts = OverheadBenchmark.MakePosts(scenario.Posts);
        var watch = Stopwatch.StartNew();
        var output = HostedPowerShell.Run(runspace, "Invoke-PostSummary -Text $posts -Model $models -ThrottleLimit $throttle -MaxWaitSec 90 3>$null", RunTimeout,
            new Dictionary<string, object> { ["posts"] = posts, ["models"] = Models, ["throttle"] = scenario.Throttle });
        var makespan = watch.Elapsed;

        var completed = output.Count(o => o.Properties["Status"].Value.ToString() == "Succeeded");
        var deferred = output.Count(o => o.Properties["Status"].Value.ToString() == "Deferred");
        var refusals = server.Requests.Where(r => r.Status == 429).GroupBy(r => (r.Project, r.Model)).Select(g => g.Count()).ToList();
        var routes = Keys.Length * Models.Length;
        var bound = Bound(Math.Min(scenario.Posts, routes * scenario.Rpd), routes * scenario.Rpm, scenario.Throttle, scenario.Latency);
        Console.WriteLine($"{scenario.Name}: makespan {makespan.TotalSeconds:0.0} s, bound {bound.TotalSeconds:0.0} s, ratio {makespan / bound:0.00}; " +
                          $"429s {refusals.Sum()} (max {refusals.DefaultIfEmpty(0).Max()} per project×model); completed {completed}, deferred {deferred}");
        return $"| {scenario.Name} | {Keys.Length}×{Models.Length} | {scenario.Rpm} / {scenario.Rpd} | {scenario.Posts} | {scenario.Throttle} | {scenario.Latency.TotalMilliseconds:0} ms | " +
               $"{makespan.TotalSeconds:0.0} s | {bound.TotalSeconds:0.0} s | {makespan / bound:0.00} | {refusals.Sum()} ({refusals.DefaultIfEmpty(0).Max()}) | {completed} | {deferred} |";
    }

    /// <summary>
    /// The least time the quotas allow for <paramref name="posts"/> requests: each full window of capacity costs a minute (the
    /// server's window slides), and the last window's share still needs its round trips at the given concurrency.
    /// </summary>
    private static TimeSpan Bound(int posts, int perMinute, int throttle, TimeSpan latency)
    {
        var windows = (posts + perMinute - 1) / perMinute;
        var last = posts - (windows - 1) * perMinute;
        var roundTrips = (last + throttle - 1) / throttle;
        return TimeSpan.FromMinutes(windows - 1) + latency * roundTrips;
    }

    private static async Task RunOverheadAsync()
    {
        const int posts = 400;
        const int throttle = 4;
        var latency = TimeSpan.FromMilliseconds(50);
        var options = new FakeGeminiOptions { Latency = latency };
        options.Keys = new Dictionary<string, string> { [Keys[0]] = "project-1", [Keys[1]] = "project-2" };
        await using var server = await FakeGeminiServer.StartAsync(options);
        using var state = BenchState.Create("builtInLimits: false\n");
        Point(server);
        using var runspace = HostedPowerShell.Open();
        HostedPowerShell.Run(runspace, HostedPowerShell.ImportScript, RunTimeout);
        var texts = OverheadBenchmark.MakePosts(posts);
        HostedPowerShell.Run(runspace, "Invoke-PostSummary -Text $posts -Model $models -ThrottleLimit $throttle -Force", RunTimeout,
            new Dictionary<string, object> { ["posts"] = texts[..8], ["models"] = Models, ["throttle"] = throttle });

        var captured = server.Requests.Last(r => r.Route == RouteKind.Generate);
        using var http = new HttpClient();
        var moduleRates = new List<double>();
        var bareRates = new List<double>();
        for (var round = 0; round < 3; round++)
        {
            var watch = Stopwatch.StartNew();
            // -Force: every round repeats the same posts, which the result cache would otherwise answer without a request.
            HostedPowerShell.Run(runspace, "Invoke-PostSummary -Text $posts -Model $models -ThrottleLimit $throttle -Force", RunTimeout,
                new Dictionary<string, object> { ["posts"] = texts, ["models"] = Models, ["throttle"] = throttle });
            moduleRates.Add(posts / watch.Elapsed.TotalSeconds);
            var sent = server.Requests.Count(r => r.Route == RouteKind.Generate);
            if (sent < posts) throw new InvalidOperationException($"only {sent} of {posts} posts reached the server.");
            bareRates.Add(await BareAsync(http, new Uri(captured.Url), captured.Body, posts, throttle));
            server.ClearRequests();
        }

        var module = Stats.Median(moduleRates);
        var bare = Stats.Median(bareRates);
        Console.WriteLine($"request rate, {latency.TotalMilliseconds:0} ms latency, -ThrottleLimit {throttle}, {posts} posts, 2 projects × 2 models, unlimited quota: " +
                          $"module {module:0.0} req/s, bare HttpClient loop {bare:0.0} req/s, module/bare {module / bare:0.00} (medians of 3; runs {string.Join(" ", moduleRates.Select(r => r.ToString("0.0")))} / {string.Join(" ", bareRates.Select(r => r.ToString("0.0")))})");
    }

    private static async Task<double> BareAsync(HttpClient http, Uri target, string body, int count, int concurrency)
    {
        var watch = Stopwatch.StartNew();
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            while (Interlocked.Increment(ref next) < count)
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, target) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
                request.Headers.TryAddWithoutValidation("x-goog-api-key", Keys[0]);
                using var response = await http.SendAsync(request);
                await response.Content.ReadAsStringAsync();
                if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"bare loop: HTTP {(int)response.StatusCode}");
            }
        })));
        return count / watch.Elapsed.TotalSeconds;
    }

    private static void Point(FakeGeminiServer server) => Point(server.BaseUrl, Keys);

    /// <summary>Points the module at <paramref name="baseUrl"/> with <paramref name="keys"/>, labelled p1, p2, …</summary>
    internal static void Point(string baseUrl, IReadOnlyList<string> keys)
    {
        Environment.SetEnvironmentVariable("GOOGLE_GEMINI_BASE_URL", baseUrl);
        Environment.SetEnvironmentVariable("GEMINI_API_KEYS", string.Join(",", keys.Select((k, i) => $"p{i + 1}={k}")));
        Environment.SetEnvironmentVariable("GEMINI_API_KEY", null);
        Environment.SetEnvironmentVariable("GOOGLE_API_KEY", null);
    }
}
