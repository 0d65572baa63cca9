using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using InterviewTools.FakeGemini;

namespace InterviewTools.Bench;

/// <summary>
/// Measure-PostSummary over 1,000 post files, half of them in the result cache: its wall time against the time the same
/// pipeline takes only to read the files (File.ReadAllText), and the generate requests it sends (must be 0).
/// </summary>
internal static class MeasureBenchmark
{
    private const int PostCount = 1000;
    private const int Rounds = 5;
    private const string ApiKey = "bench-measure-key";
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(5);

    public static async Task RunAsync()
    {
        Console.WriteLine("# measure");
        var options = new FakeGeminiOptions { Keys = new Dictionary<string, string> { [ApiKey] = "project-measure" } };
        await using var server = await FakeGeminiServer.StartAsync(options);
        using var state = BenchState.Create("builtInLimits: false\n");
        BenchState.UseFake(server, ApiKey);
        var folder = Path.Combine(state.Folder, "posts");
        Directory.CreateDirectory(folder);
        var posts = OverheadBenchmark.MakePosts(PostCount);
        for (var i = 0; i < posts.Length; i++) File.WriteAllText(Path.Combine(folder, $"post{i:0000}.txt"), posts[i]);
        // The hosted runspace has the core cmdlets only (no Get-ChildItem): the files go in as FileInfo objects, bound by FullName.
        var files = new DirectoryInfo(folder).GetFiles().OrderBy(f => f.Name).ToArray();
        var variables = new Dictionary<string, object>
        {
            ["files"] = files,
            ["paths"] = files.Select(f => f.FullName).ToArray(),
            ["half"] = files.Where((_, i) => i % 2 == 0).ToArray(),
            ["halfPaths"] = files.Where((_, i) => i % 2 == 0).Select(f => f.FullName).ToArray(),
        };

        using var runspace = HostedPowerShell.Open();
        HostedPowerShell.Run(runspace, HostedPowerShell.ImportScript, RunTimeout);
        HostedPowerShell.Run(runspace, "$half | Invoke-PostSummary -ThrottleLimit 8 | Out-Null", RunTimeout, variables);
        var generates = server.GenerateCount;
        Console.WriteLine($"posts: {PostCount} files of about {new FileInfo(Path.Combine(folder, "post0000.txt")).Length} bytes, {generates} of them summarized first (the cache answers them)");

        PSObject? plan = null;
        var read = new List<double>();
        var measure = new List<double>();
        var piped = new List<double>();
        var rerun = new List<double>();
        for (var round = 0; round < Rounds; round++)
        {
            read.Add(HostedPowerShell.TimeMs(() => HostedPowerShell.Run(runspace, "foreach ($file in $files) { $null = [System.IO.File]::ReadAllText($file.FullName) }", RunTimeout, variables)));
            measure.Add(HostedPowerShell.TimeMs(() => plan = HostedPowerShell.Run(runspace, "Measure-PostSummary -LiteralPath $paths", RunTimeout, variables).Single()));
            rerun.Add(HostedPowerShell.TimeMs(() => HostedPowerShell.Run(runspace, "Invoke-PostSummary -LiteralPath $halfPaths | Out-Null", RunTimeout, variables)));
            piped.Add(HostedPowerShell.TimeMs(() => HostedPowerShell.Run(runspace, "$files | Measure-PostSummary", RunTimeout, variables).Single()));
        }
        var sent = server.GenerateCount - generates;
        Console.WriteLine($"plan: {plan!.Properties["Posts"].Value} posts, {plan.Properties["Cached"].Value} cached, {plan.Properties["ToSend"].Value} to send; {sent} generate request(s) during {Rounds} plans");
        Console.WriteLine($"reading the files (File.ReadAllText in a loop): median {Stats.Ms(Stats.Median(read))} (runs: {string.Join(", ", read.Select(Stats.Ms))})");
        Console.WriteLine($"Measure-PostSummary -LiteralPath $paths: median {Stats.Ms(Stats.Median(measure))} (runs: {string.Join(", ", measure.Select(Stats.Ms))})");
        Console.WriteLine($"$files | Measure-PostSummary (1,000 objects bound by FullName): median {Stats.Ms(Stats.Median(piped))} (runs: {string.Join(", ", piped.Select(Stats.Ms))})");
        Console.WriteLine($"for scale, in the same conditions: Invoke-PostSummary -LiteralPath over the 500 cached posts (a rerun): median {Stats.Ms(Stats.Median(rerun))} (runs: {string.Join(", ", rerun.Select(Stats.Ms))})");
        Console.WriteLine($"beyond reading the files: {Stats.Ms(Stats.Median(measure) - Stats.Median(read))} (target < 1000 ms)");
        if (sent != 0) throw new InvalidOperationException("Measure-PostSummary sent generate requests.");
        Console.WriteLine();
    }
}
