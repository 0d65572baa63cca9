using System;
using System.Collections;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Management.Automation.Runspaces;

namespace InterviewTools.Bench;

/// <summary>
/// 10,000 PostSummary objects streamed through Export-PostSummary in the hosted engine: the rate, and memory sampled
/// every 1,000 objects from inside the generator that feeds the pipeline, to show that nothing accumulates.
/// </summary>
internal static class ExportBenchmark
{
    private const int Count = 10_000;
    private const int SampleEvery = 1_000;
    private const int TimedRuns = 5;
    private const int MaxWarmUpRuns = 8;
    private static readonly TimeSpan RunTimeout = TimeSpan.FromSeconds(120);
    private static readonly TimeSpan WarmUpTime = TimeSpan.FromSeconds(12);

    private sealed record Sample(int Objects, long FileBytes, double WorkingSetMb, double HeapMb);

    public static void Run()
    {
        Console.WriteLine("# export");
        using var runspace = HostedPowerShell.Open();
        HostedPowerShell.Run(runspace, HostedPowerShell.ImportScript, RunTimeout);
        var summaryType = (Type)HostedPowerShell.Run(runspace, "[InterviewTools.PostSummary]", RunTimeout).Single().BaseObject;
        var factory = new SummaryFactory(summaryType, File.ReadAllText(Repository.SamplePost));
        var folder = Directory.CreateTempSubdirectory("it-bench-export-").FullName;
        try
        {
            var path = Path.Combine(folder, "summaries.yaml");
            Console.WriteLine($"objects: {Count:N0} PostSummary objects made on demand by a C# iterator piped into Export-PostSummary (`$source | Export-PostSummary -LiteralPath $path`)");

            // Warm up by time, as in `overhead`: tiered JIT holds back optimised code for the first seconds of load.
            var warmUp = Stopwatch.StartNew();
            var warmUpRates = new List<double>();
            for (var run = 0; run < MaxWarmUpRuns && (run < 2 || warmUp.Elapsed < WarmUpTime); run++)
            {
                warmUpRates.Add(Count / Time(() => Export(runspace, new SummarySource(factory, Count, null), path)).TotalSeconds);
            }
            Console.WriteLine($"warm-up runs, objects/s: {string.Join(", ", warmUpRates.Select(r => r.ToString("N0")))}");
            // What making the objects costs on its own, so the export's share can be told apart.
            var making = Enumerable.Range(0, 3).Select(_ => Time(() => { foreach (var item in new SummarySource(factory, Count, null)) GC.KeepAlive(item); })).Min();

            var rates = new List<double>();
            for (var run = 0; run < TimedRuns; run++)
            {
                var elapsed = Time(() => Export(runspace, new SummarySource(factory, Count, null), path));
                rates.Add(Count / elapsed.TotalSeconds);
            }
            var fileBytes = new FileInfo(path).Length;
            var rate = Stats.Median(rates);
            Console.WriteLine($"rate: median {rate:N0} objects/s over {TimedRuns} runs ({string.Join(", ", rates.Select(r => r.ToString("N0")))}); " +
                              $"{fileBytes / (double)Count:N0} bytes per document, {fileBytes / 1048576.0 * rate / Count:N1} MB/s");
            var perObjectUs = 1_000_000.0 / rate;
            var makingUs = making.TotalMilliseconds * 1000 / Count;
            Console.WriteLine($"per object: {perObjectUs:N1} µs in all, of which {makingUs:N1} µs is the C# iterator making the object; " +
                              $"the other {perObjectUs - makingUs:N1} µs are PowerShell's pipeline hand-off plus Export-PostSummary (mapping, emitting, writing, flushing)");

            var samples = new List<Sample>();
            var baseline = Measure(0, path);
            Export(runspace, new SummarySource(factory, Count, objects => samples.Add(Measure(objects, path))), path);
            samples.Add(Measure(Count, path));
            Console.WriteLine($"memory while streaming (sampled as object N is made; after a full GC, so the heap figure is what is still referenced):");
            Console.WriteLine($"  before the export: working set {baseline.WorkingSetMb:N1} MB, GC heap {baseline.HeapMb:N1} MB");
            foreach (var sample in samples)
            {
                Console.WriteLine($"  {sample.Objects,6:N0} objects: file {sample.FileBytes / 1048576.0,6:N2} MB, working set {sample.WorkingSetMb:N1} MB, GC heap {sample.HeapMb:N1} MB");
            }
            var heapGrowth = samples.Last().HeapMb - samples.First().HeapMb;
            var wsGrowth = samples.Last().WorkingSetMb - samples.First().WorkingSetMb;
            Console.WriteLine($"  growth from {samples.First().Objects:N0} to {Count:N0} objects: GC heap {Signed(heapGrowth)} MB, working set {Signed(wsGrowth)} MB; " +
                              $"peaks: GC heap {samples.Max(s => s.HeapMb):N1} MB, working set {samples.Max(s => s.WorkingSetMb):N1} MB");

            var held = HeldCost(factory);
            Console.WriteLine($"for scale: holding all {Count:N0} objects at once (what a buffering exporter such as ConvertTo-Yaml does) retains {held:N1} MB of GC heap");
            Console.WriteLine();
            Console.WriteLine("| objects | objects/s (median of 5) | µs/object (of which making it) | bytes/document | GC heap at 1,000 → 10,000 | working set at 1,000 → 10,000 | peak working set | all objects held at once |");
            Console.WriteLine("|---|---|---|---|---|---|---|---|");
            Console.WriteLine($"| {Count:N0} | {rate:N0} | {perObjectUs:N1} ({makingUs:N1}) | {fileBytes / (double)Count:N0} | {samples.First().HeapMb:N1} → {samples.Last().HeapMb:N1} MB | " +
                              $"{samples.First().WorkingSetMb:N1} → {samples.Last().WorkingSetMb:N1} MB | {samples.Max(s => s.WorkingSetMb):N1} MB | {held:N1} MB |");
            Console.WriteLine();
        }
        finally
        {
            Directory.Delete(folder, true);
        }
    }

    private static string Signed(double megabytes) => (megabytes >= 0 ? "+" : "") + megabytes.ToString("0.0");

    private static void Export(Runspace runspace, SummarySource source, string path) =>
        HostedPowerShell.Run(runspace, "$source | Export-PostSummary -LiteralPath $path", RunTimeout, Vars(source, path));

    private static Dictionary<string, object> Vars(SummarySource source, string path) => new() { ["source"] = source, ["path"] = path };

    private static TimeSpan Time(Action action)
    {
        var watch = Stopwatch.StartNew();
        action();
        return watch.Elapsed;
    }

    private static Sample Measure(int objects, string path)
    {
        var heap = GC.GetTotalMemory(forceFullCollection: true);
        using var process = Process.GetCurrentProcess();
        return new Sample(objects, File.Exists(path) ? new FileInfo(path).Length : 0, process.WorkingSet64 / 1048576.0, heap / 1048576.0);
    }

    private static double HeldCost(SummaryFactory factory)
    {
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var held = Enumerable.Range(1, Count).Select(factory.Create).ToList();
        var after = GC.GetTotalMemory(forceFullCollection: true);
        GC.KeepAlive(held);
        return (after - before) / 1048576.0;
    }

    /// <summary>Makes each summary only when PowerShell asks for the next pipeline object, so the input never accumulates either.</summary>
    private sealed class SummarySource : IEnumerable
    {
        private readonly SummaryFactory _factory;
        private readonly int _count;
        private readonly Action<int>? _sample;

        public SummarySource(SummaryFactory factory, int count, Action<int>? sample)
        {
            _factory = factory;
            _count = count;
            _sample = sample;
        }

        public IEnumerator GetEnumerator()
        {
            for (var i = 1; i <= _count; i++)
            {
                // Object i-1 has been written when PowerShell asks for object i.
                if (_sample != null && (i - 1) % SampleEvery == 0 && i > 1) _sample(i - 1);
                yield return _factory.Create(i);
            }
        }
    }

    /// <summary>Realistic summaries built on the module's own PostSummary type: Chinese multi-line text, lists, timestamps.</summary>
    private sealed class SummaryFactory
    {
        private readonly Type _type;
        private readonly string[] _lines;

        public SummaryFactory(Type type, string post)
        {
            _type = type;
            _lines = post.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        }

        public object Create(int index)
        {
            var summary = Activator.CreateInstance(_type)!;
            Set(summary, "Source", $"/home/me/posts/post-{index:D5}.txt");
            Set(summary, "Title", $"【第 {index} 篇】{_lines[0]}");
            Set(summary, "Summary", string.Join("\n", _lines.Skip(1).Take(3)) + $"\n（第 {index} 篇）");
            Set(summary, "Experiences", Pick(index, 3));
            Set(summary, "Tips", Pick(index + 1, 2));
            Set(summary, "Advice", Pick(index + 2, 2));
            Set(summary, "Questions", Pick(index + 3, 5));
            Set(summary, "Topics", new[] { "大模型面试", "面经", $"topic-{index % 17}" });
            Set(summary, "Model", "gemini-3.5-flash");
            Set(summary, "KeyId", "key-3f9a1c2e");
            Set(summary, "Attempts", 1 + index % 3);
            Set(summary, "InputTokens", 600 + index % 100);
            Set(summary, "OutputTokens", 380 + index % 50);
            Set(summary, "Duration", TimeSpan.FromMilliseconds(2000 + index % 1000));
            Set(summary, "ContentHash", "sha256:" + index.ToString("x64"));
            Set(summary, "CompletedAt", new DateTimeOffset(2026, 11, 23, 7, 0, 0, TimeSpan.Zero).AddSeconds(index));
            return summary;
        }

        private string[] Pick(int start, int count) => Enumerable.Range(start, count).Select(i => _lines[i % _lines.Length] + $" ({i})").ToArray();

        private void Set(object summary, string name, object value) => _type.GetProperty(name)!.SetValue(summary, value);
    }
}
