using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;

namespace InterviewTools.Bench;

/// <summary>Import-Module of the assembled module in fresh runspaces, next to opening a bare runspace.</summary>
internal static class ImportBenchmark
{
    private const int WarmUps = 2;
    private const int MaxMeasured = 20;
    private const int MinMeasured = 15;
    private const double TargetOverBareMs = 150;
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(45);
    private static readonly TimeSpan StepTimeout = TimeSpan.FromSeconds(30);

    private sealed record Sample(double OpenMs, double TrivialMs, double ImportMs, double FirstWhatIfMs)
    {
        public double BareMs => OpenMs + TrivialMs;
    }

    public static void Run()
    {
        Console.WriteLine("# import");
        // -WhatIf sends nothing, but the command still insists on an endpoint and a key.
        Environment.SetEnvironmentVariable("GOOGLE_GEMINI_BASE_URL", "http://127.0.0.1:9");
        Environment.SetEnvironmentVariable("GEMINI_API_KEY", "bench-whatif-key");
        Environment.SetEnvironmentVariable("GOOGLE_API_KEY", null);
        var post = File.ReadAllText(Repository.SamplePost);

        var cold = MeasureOnce(post, reportLoads: true);
        Console.WriteLine($"cold (first in process): bare runspace {Stats.Ms(cold.BareMs)} (open {Stats.Ms(cold.OpenMs)} + trivial command {Stats.Ms(cold.TrivialMs)}), " +
                          $"Import-Module {Stats.Ms(cold.ImportMs)}, first Invoke-PostSummary -WhatIf {Stats.Ms(cold.FirstWhatIfMs)}");

        for (var i = 0; i < WarmUps; i++) MeasureOnce(post, reportLoads: false);

        var measured = new List<Sample>();
        var clock = Stopwatch.StartNew();
        while (measured.Count < MaxMeasured && (measured.Count < MinMeasured || clock.Elapsed < Budget) && clock.Elapsed < 2 * Budget)
        {
            measured.Add(MeasureOnce(post, reportLoads: false));
        }

        var bare = measured.Select(s => s.BareMs).ToArray();
        var import = measured.Select(s => s.ImportMs).ToArray();
        var whatIf = measured.Select(s => s.FirstWhatIfMs).ToArray();
        Console.WriteLine($"warm, {measured.Count} fresh runspaces after {WarmUps} warm-ups (median / p90 / min / max):");
        Console.WriteLine($"  bare runspace (open + trivial command): {Summary(bare)}");
        Console.WriteLine($"  Import-Module over bare:                {Summary(import)}");
        Console.WriteLine($"  bare + Import-Module:                   {Summary(measured.Select(s => s.BareMs + s.ImportMs))}");
        Console.WriteLine($"  first Invoke-PostSummary -WhatIf:       {Summary(whatIf)}");
        var warmVerdict = Stats.Median(import) <= TargetOverBareMs ? "met" : "MISSED";
        var coldVerdict = cold.ImportMs <= TargetOverBareMs ? "met" : "MISSED";
        Console.WriteLine($"target Import-Module <= {TargetOverBareMs:0} ms over bare: warm median {warmVerdict}, cold first import {coldVerdict}");
        Console.WriteLine();
        Console.WriteLine("| cold bare | cold import | warm bare median / p90 | warm import median / p90 | cold first -WhatIf | warm first -WhatIf median | target ≤ 150 ms (warm / cold) |");
        Console.WriteLine("|---|---|---|---|---|---|---|");
        Console.WriteLine($"| {Stats.Ms(cold.BareMs)} | {Stats.Ms(cold.ImportMs)} | {Stats.Ms(Stats.Median(bare))} / {Stats.Ms(Stats.Percentile(bare, 90))} | " +
                          $"{Stats.Ms(Stats.Median(import))} / {Stats.Ms(Stats.Percentile(import, 90))} | {Stats.Ms(cold.FirstWhatIfMs)} | {Stats.Ms(Stats.Median(whatIf))} | {warmVerdict} / {coldVerdict} |");
        Console.WriteLine();
    }

    private static Sample MeasureOnce(string post, bool reportLoads)
    {
        var loaded = AssemblyLoads.Snapshot();
        System.Management.Automation.Runspaces.Runspace? runspace = null;
        try
        {
            var open = HostedPowerShell.TimeMs(() => runspace = HostedPowerShell.Open());
            // A real cmdlet call, so first-command discovery is charged to the bare runspace, not to the import.
            var trivial = HostedPowerShell.TimeMs(() => HostedPowerShell.Run(runspace!, "1 | ForEach-Object { $_ }", StepTimeout));
            if (reportLoads) loaded = AssemblyLoads.ReportNew("runspace + trivial command", loaded);
            var import = HostedPowerShell.TimeMs(() => HostedPowerShell.Run(runspace!, HostedPowerShell.ImportScript, StepTimeout));
            if (reportLoads) loaded = AssemblyLoads.ReportNew("Import-Module", loaded);
            var whatIf = HostedPowerShell.TimeMs(() => HostedPowerShell.Run(runspace!, "Invoke-PostSummary -Text $post -WhatIf", StepTimeout,
                new Dictionary<string, object> { ["post"] = post }));
            if (reportLoads) AssemblyLoads.ReportNew("first Invoke-PostSummary -WhatIf", loaded);
            return new Sample(open, trivial, import, whatIf);
        }
        finally
        {
            runspace?.Dispose();
        }
    }

    private static string Summary(IEnumerable<double> values)
    {
        var all = values.ToArray();
        return $"{Stats.Ms(Stats.Median(all))} / {Stats.Ms(Stats.Percentile(all, 90))} / {Stats.Ms(all.Min())} / {Stats.Ms(all.Max())}";
    }
}
