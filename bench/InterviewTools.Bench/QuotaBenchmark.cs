using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using InterviewTools.FakeGemini;

namespace InterviewTools.Bench;

/// <summary>
/// Issue 12's figures: what an unknown tier costs a paid and a free project (makespan, 429s, also after Reset-QuotaStatus),
/// what one oversized post costs its batch, and how soon a refused endpoint stops the run.
/// </summary>
internal static class QuotaBenchmark
{
    private static readonly string[] Models = { "gemini-3.5-flash", "gemini-3.1-flash-lite" };
    private const string Key = "bench-quota-key-1";
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(5);

    public static async Task RunAsync()
    {
        Console.WriteLine("# quota");
        await PaidProjectUnknownToTheModuleAsync();
        await FreeProjectUnknownToTheModuleAsync();
        await OversizedPostInABatchAsync();
        RefusedEndpoint();
    }

    /// <summary>1000 RPM on the server, nothing in config.yaml: the built-in table paces until one request past it shows the tier.</summary>
    private static async Task PaidProjectUnknownToTheModuleAsync()
    {
        var rows = new List<(string Config, double Seconds, int Refusals, string Models)>();
        for (var round = 0; round < 3; round++)
        {
            foreach (var config in new[] { string.Empty, "builtInLimits: false\n" })
            {
                var options = new FakeGeminiOptions { Latency = TimeSpan.FromMilliseconds(300), LatencyMax = TimeSpan.FromMilliseconds(900) };
                options.Keys = new Dictionary<string, string> { [Key] = "project-paid" };
                options.ProjectTiers["project-paid"] = ProjectTier.Paid;
                options.ProjectQuotas["project-paid"] = new QuotaLimits(Rpm: 1000, Rpd: 100_000);
                await using var server = await FakeGeminiServer.StartAsync(options);
                using var state = BenchState.Create(config);
                RotationBenchmark.Point(server.BaseUrl, new[] { Key });
                var (seconds, output) = Summarize(OverheadBenchmark.MakePosts(60), 8);
                var byModel = string.Join(", ", output.GroupBy(o => o.Properties["Model"].Value.ToString()).Select(g => $"{g.Key} {g.Count()}"));
                rows.Add((config.Length == 0 ? "no config.yaml" : "builtInLimits: false", seconds, server.Requests.Count(r => r.Status == 429), byModel));
            }
        }
        foreach (var group in rows.GroupBy(r => r.Config))
        {
            Console.WriteLine($"paid project unknown to the module (1000 RPM), 60 posts, -ThrottleLimit 8, 300-900 ms, {group.Key}: makespan median {Stats.Median(group.Select(r => r.Seconds)):0.0} s " +
                              $"(runs {string.Join(" ", group.Select(r => r.Seconds.ToString("0.0")))}), 429s {string.Join("/", group.Select(r => r.Refusals))}; models: {group.First().Models}");
        }
        var unknown = Stats.Median(rows.Where(r => r.Config == "no config.yaml").Select(r => r.Seconds));
        var off = Stats.Median(rows.Where(r => r.Config != "no config.yaml").Select(r => r.Seconds));
        Console.WriteLine($"paid project: unknown tier / builtInLimits false = {unknown / off:0.00} (target <= 1.10)");
    }

    /// <summary>A free project whose limits are the built-in table's: one 429 to learn the tier; after a reset, at most one per route.</summary>
    private static async Task FreeProjectUnknownToTheModuleAsync()
    {
        var options = new FakeGeminiOptions { Latency = TimeSpan.FromMilliseconds(50) };
        options.Keys = new Dictionary<string, string> { [Key] = "project-free" };
        options.ModelQuotas["gemini-3.5-flash"] = new QuotaLimits(Rpm: 5, Rpd: 20);
        options.ModelQuotas["gemini-3.1-flash-lite"] = new QuotaLimits(Rpm: 15, Rpd: 500);
        await using var server = await FakeGeminiServer.StartAsync(options);
        using var state = BenchState.Create(string.Empty);
        RotationBenchmark.Point(server.BaseUrl, new[] { Key });
        using var runspace = HostedPowerShell.Open();
        HostedPowerShell.Run(runspace, HostedPowerShell.ImportScript, RunTimeout);
        var posts = OverheadBenchmark.MakePosts(60);

        var first = Summarize(runspace, posts[..30], 8, maxWaitSec: 0);
        var firstRefusals = server.Requests.Count(r => r.Status == 429);
        HostedPowerShell.Run(runspace, "Reset-QuotaStatus -Project p1 -Confirm:$false", RunTimeout);
        var before = server.Requests.Count;
        var second = Summarize(runspace, posts[30..], 8, maxWaitSec: 0);
        var afterReset = server.Requests.Skip(before).Where(r => r.Status == 429).GroupBy(r => r.Model).Select(g => $"{g.Key} {g.Count()}").ToList();
        Console.WriteLine($"free project unknown to the module (5 and 15 RPM), 30 posts, -ThrottleLimit 8, -MaxWaitSec 0: {firstRefusals} 429 for the project (target <= 1), " +
                          $"{Succeeded(first.Output)} succeeded in {first.Seconds:0.0} s; after Reset-QuotaStatus -Project, 30 more: 429s per route {(afterReset.Count == 0 ? "none" : string.Join(", ", afterReset))} (target <= 1 each), " +
                          $"{Succeeded(second.Output)} succeeded in {second.Seconds:0.0} s");
    }

    /// <summary>A post over every route's input-tokens-per-minute limit (configured here) costs its batch nothing and is never sent.</summary>
    private static async Task OversizedPostInABatchAsync()
    {
        var limits = string.Concat(Models.Select(m => $"  {m}: {{ rpm: 1000, rpd: 100000, tpm: 250000 }}\n"));
        var posts = OverheadBenchmark.MakePosts(20);
        var oversized = new string('长', 948_000);
        var without = new List<double>();
        var with = new List<double>();
        var sent = 0;
        for (var round = 0; round < 3; round++)
        {
            foreach (var batch in new[] { posts, posts.Append(oversized).ToArray() })
            {
                var options = new FakeGeminiOptions { Latency = TimeSpan.FromMilliseconds(300), LatencyMax = TimeSpan.FromMilliseconds(900) };
                options.Keys = new Dictionary<string, string> { [Key] = "project-1" };
                await using var server = await FakeGeminiServer.StartAsync(options);
                using var state = BenchState.Create("builtInLimits: false\nlimits:\n" + limits);
                RotationBenchmark.Point(server.BaseUrl, new[] { Key });
                var (seconds, _) = Summarize(batch, 8, errors: "2>$null");
                (batch.Length == posts.Length ? without : with).Add(seconds);
                sent += server.Requests.Count(r => r.Body.Length > 1_000_000);
            }
        }
        Console.WriteLine($"20 posts, -ThrottleLimit 8, 300-900 ms: makespan median {Stats.Median(without):0.00} s without, {Stats.Median(with):0.00} s with one ~948,000-token post " +
                          $"(ratio {Stats.Median(with) / Stats.Median(without):0.00}, target <= 1.10); requests carrying the oversized post: {sent} (target 0)");
    }

    /// <summary>Nothing listens on the endpoint: the time until the one terminating error, with the default -MaxRetryCount 3.</summary>
    private static void RefusedEndpoint()
    {
        var seconds = new List<double>();
        string? errorId = null;
        for (var round = 0; round < 3; round++)
        {
            using var state = BenchState.Create(string.Empty);
            var baseUrl = InterviewTools.FakeGemini.RefusedEndpoint.Reserve();
            RotationBenchmark.Point(baseUrl, new[] { Key });
            using var runspace = HostedPowerShell.Open();
            HostedPowerShell.Run(runspace, HostedPowerShell.ImportScript, RunTimeout);
            runspace.SessionStateProxy.SetVariable("posts", OverheadBenchmark.MakePosts(60));
            var watch = Stopwatch.StartNew();
            var caught = HostedPowerShell.Run(runspace, "try { Invoke-PostSummary -Text $posts -ThrottleLimit 8; 'not stopped' } catch { $_.FullyQualifiedErrorId }", RunTimeout);
            seconds.Add(watch.Elapsed.TotalSeconds);
            errorId = string.Join(" ", caught.Select(o => o.ToString().Split(',')[0]));
        }
        Console.WriteLine($"refused endpoint, 60 posts, -ThrottleLimit 8, -MaxRetryCount 3: terminating {errorId} after median {Stats.Median(seconds):0.0} s " +
                          $"(runs {string.Join(" ", seconds.Select(s => s.ToString("0.0")))}; target < 10 s)");
    }

    private static (double Seconds, IReadOnlyList<PSObject> Output) Summarize(string[] posts, int throttle, string errors = "")
    {
        using var runspace = HostedPowerShell.Open();
        HostedPowerShell.Run(runspace, HostedPowerShell.ImportScript, RunTimeout);
        return Summarize(runspace, posts, throttle, 90, errors);
    }

    private static (double Seconds, IReadOnlyList<PSObject> Output) Summarize(System.Management.Automation.Runspaces.Runspace runspace, string[] posts, int throttle, int maxWaitSec, string errors = "")
    {
        var watch = Stopwatch.StartNew();
        var output = HostedPowerShell.Run(runspace, $"Invoke-PostSummary -Text $posts -Model $models -ThrottleLimit $throttle -MaxWaitSec $wait 3>$null {errors}", RunTimeout,
            new Dictionary<string, object> { ["posts"] = posts, ["models"] = Models, ["throttle"] = throttle, ["wait"] = maxWaitSec });
        return (watch.Elapsed.TotalSeconds, output);
    }

    private static int Succeeded(IEnumerable<PSObject> output) => output.Count(o => o.Properties["Status"].Value.ToString() == "Succeeded");
}
