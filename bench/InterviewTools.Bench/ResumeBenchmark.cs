using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using InterviewTools.FakeGemini;

namespace InterviewTools.Bench;

/// <summary>
/// A rerun of Invoke-PostSummary over 1,000 posts that are all in the result cache: wall time and requests sent, in the
/// runspace that filled the cache and in a fresh runspace (the next pwsh session; import not counted).
/// </summary>
internal static class ResumeBenchmark
{
    public const string ChildScenario = "resume-child";
    private const int PostCount = 1000;
    private const int Reruns = 5;
    private const string ApiKey = "bench-resume-key";
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(5);

    public static async Task RunAsync()
    {
        Console.WriteLine("# resume");
        var options = new FakeGeminiOptions();
        options.Keys = new Dictionary<string, string> { [ApiKey] = "project-resume" };
        await using var server = await FakeGeminiServer.StartAsync(options);
        using var state = BenchState.Create("builtInLimits: false\n");
        BenchState.UseFake(server, ApiKey);
        var posts = OverheadBenchmark.MakePosts(PostCount);
        var variables = new Dictionary<string, object> { ["posts"] = posts };
        const string script = "Invoke-PostSummary -Text $posts -ThrottleLimit 8";

        using var runspace = HostedPowerShell.Open();
        HostedPowerShell.Run(runspace, HostedPowerShell.ImportScript, RunTimeout);
        var fill = Stopwatch.StartNew();
        var first = HostedPowerShell.Run(runspace, script, RunTimeout, variables);
        fill.Stop();
        Console.WriteLine($"first run: {first.Count} posts summarized in {fill.Elapsed.TotalSeconds:0.00} s, {server.GenerateCount} generate requests");

        var warm = new List<double>();
        for (var i = 0; i < Reruns; i++) warm.Add(Rerun(runspace, script, variables, server, "same runspace"));
        var cold = new List<double>();
        for (var i = 0; i < Reruns; i++)
        {
            using var fresh = HostedPowerShell.Open();
            HostedPowerShell.Run(fresh, HostedPowerShell.ImportScript, RunTimeout);
            cold.Add(Rerun(fresh, script, variables, server, "fresh runspace"));
        }

        var process = new List<double>();
        for (var i = 0; i < Reruns; i++)
        {
            var before = server.Requests.Count;
            process.Add(RerunInNewProcess());
            if (server.Requests.Count != before) throw new InvalidOperationException("a rerun in a new process sent requests.");
        }

        Console.WriteLine();
        Console.WriteLine("| rerun over 1,000 cached posts | median | runs | requests sent |");
        Console.WriteLine("|---|---|---|---|");
        Console.WriteLine($"| same runspace | {Stats.Median(warm):0} ms | {string.Join(" ", warm.Select(m => m.ToString("0")))} | 0 |");
        Console.WriteLine($"| fresh runspace (import not counted) | {Stats.Median(cold):0} ms | {string.Join(" ", cold.Select(m => m.ToString("0")))} | 0 |");
        Console.WriteLine($"| new process, as a new pwsh session (import not counted) | {Stats.Median(process):0} ms | {string.Join(" ", process.Select(m => m.ToString("0")))} | 0 |");
        Console.WriteLine();
    }

    /// <summary>The child's side: import, then time the same command over the same posts; prints one line for the parent.</summary>
    public static int Child()
    {
        using var runspace = HostedPowerShell.Open();
        HostedPowerShell.Run(runspace, HostedPowerShell.ImportScript, RunTimeout);
        var watch = Stopwatch.StartNew();
        var output = HostedPowerShell.Run(runspace, "Invoke-PostSummary -Text $posts -ThrottleLimit 8", RunTimeout,
            new Dictionary<string, object> { ["posts"] = OverheadBenchmark.MakePosts(PostCount) });
        watch.Stop();
        var cached = output.Count(o => o.Properties["Status"].Value.ToString() == "Cached");
        Console.WriteLine($"{ChildScenario} {cached} {watch.Elapsed.TotalMilliseconds:0}");
        return cached == PostCount ? 0 : 1;
    }

    private static double RerunInNewProcess()
    {
        var self = Environment.ProcessPath!;
        var start = self.EndsWith("dotnet", StringComparison.Ordinal) || self.EndsWith("dotnet.exe", StringComparison.Ordinal)
            ? new ProcessStartInfo(self) { ArgumentList = { System.Reflection.Assembly.GetEntryAssembly()!.Location, ChildScenario } }
            : new ProcessStartInfo(self) { ArgumentList = { ChildScenario } };
        start.RedirectStandardOutput = true;
        using var child = Process.Start(start)!;
        var output = child.StandardOutput.ReadToEnd();
        child.WaitForExit();
        var fields = output.Split('\n').Single(l => l.StartsWith(ChildScenario, StringComparison.Ordinal)).Trim().Split(' ');
        if (child.ExitCode != 0) throw new InvalidOperationException($"the child rerun found only {fields[1]} of {PostCount} posts cached.");
        Console.WriteLine($"rerun, new process: {fields[1]} Cached in {fields[2]} ms");
        return double.Parse(fields[2], System.Globalization.CultureInfo.InvariantCulture);
    }

    private static double Rerun(System.Management.Automation.Runspaces.Runspace runspace, string script, Dictionary<string, object> variables, FakeGeminiServer server, string where)
    {
        var before = server.Requests.Count;
        var watch = Stopwatch.StartNew();
        var output = HostedPowerShell.Run(runspace, script, RunTimeout, variables);
        watch.Stop();
        var cached = output.Count(o => o.Properties["Status"].Value.ToString() == "Cached");
        var sent = server.Requests.Count - before;
        if (cached != PostCount || sent != 0) throw new InvalidOperationException($"rerun ({where}): {cached} of {PostCount} cached, {sent} requests sent.");
        Console.WriteLine($"rerun, {where}: {PostCount} Cached in {watch.Elapsed.TotalMilliseconds:0} ms, {sent} requests");
        return watch.Elapsed.TotalMilliseconds;
    }
}
