using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Text;

namespace InterviewTools.Bench;

/// <summary>
/// The offline extractive summarizer on one thread pinned to one core: posts per second over 10,000 average-sized
/// posts, and the managed heap every 1,000 posts to show that memory stays flat.
/// </summary>
internal static class OfflineBenchmark
{
    private const int PostCount = 10_000;
    private const int Checkpoint = 1_000;
    private const int MeasuredPasses = 5;
    private const int MinWarmUpPasses = 2;
    private const int MaxWarmUpPasses = 30;
    private const double TargetPostsPerSecond = 2_000;
    private static readonly TimeSpan WarmUpTime = TimeSpan.FromSeconds(8);

    public static void Run()
    {
        Console.WriteLine("# offline");
        Console.WriteLine(PinToOneCore());
        Console.WriteLine($"load average before: {LoadAverage()} (other processes on the machine slow the wall-clock figures; CPU seconds are the process's own)");
        var engine = OfflineEngine.Load();
        var posts = Posts(engine, out var baseCount);
        var chars = posts.Average(p => engine.Body(p).Length);
        var bytes = posts.Average(p => Encoding.UTF8.GetByteCount(engine.Body(p)));
        Console.WriteLine($"engine loaded into the module's '{engine.LoadContextName(posts[0])}' load context from out/InterviewTools/Dependencies");
        Console.WriteLine($"posts: {posts.Count:N0} made from {baseCount} labelled and sample posts (each with a numbered line added), " +
                          $"average body {chars:0} characters / {bytes:0} bytes UTF-8; reading and decoding are not timed");

        // Tiered JIT needs a few seconds of steady calls before the optimised code is in place.
        var warmUp = Stopwatch.StartNew();
        var warmUpPasses = 0;
        while (warmUpPasses < MaxWarmUpPasses && (warmUpPasses < MinWarmUpPasses || warmUp.Elapsed < WarmUpTime))
        {
            Pass(engine, posts, null);
            warmUpPasses++;
        }
        Console.WriteLine($"warm-up: {warmUpPasses} passes in {warmUp.Elapsed.TotalSeconds:0.0} s");

        var rates = new List<double>();
        var cpuRates = new List<double>();
        var gen0 = GC.CollectionCount(0);
        var gen2 = GC.CollectionCount(2);
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        for (var pass = 1; pass <= MeasuredPasses; pass++)
        {
            var heap = new List<long>();
            var cpuBefore = CpuSeconds();
            var seconds = Pass(engine, posts, heap);
            var cpuSeconds = CpuSeconds() - cpuBefore;
            rates.Add(posts.Count / seconds);
            cpuRates.Add(posts.Count / cpuSeconds);
            Console.WriteLine($"pass {pass}: {posts.Count / seconds:0} posts/s wall ({seconds * 1e6 / posts.Count:0.0} µs/post), {posts.Count / cpuSeconds:0} posts per CPU second; " +
                              $"heap every {Checkpoint:N0} posts (MB, no forced GC): {string.Join(" ", heap.Select(Mb))}");
        }
        var allocatedPerPost = (GC.GetAllocatedBytesForCurrentThread() - allocated) / (double)(posts.Count * MeasuredPasses);
        var gen0Runs = GC.CollectionCount(0) - gen0;
        var gen2Runs = GC.CollectionCount(2) - gen2;

        var retained = new List<long>();
        GC.Collect();
        var before = GC.GetTotalMemory(true);
        for (var i = 0; i < posts.Count; i++)
        {
            engine.Extract(posts[i]);
            if ((i + 1) % Checkpoint == 0) retained.Add(GC.GetTotalMemory(true));
        }
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var workingSet = process.WorkingSet64;
        var peakWorkingSet = process.PeakWorkingSet64;
        // After the working set is read: the long post's own garbage must not count as the 10,000 posts' peak.
        var longPost = LongPost(engine, posts);

        var median = Stats.Median(rates);
        var cpuMedian = Stats.Median(cpuRates);
        var verdict = median >= TargetPostsPerSecond ? "met" : "MISSED";
        Console.WriteLine($"load average after: {LoadAverage()}");
        Console.WriteLine($"median {median:0} posts/s wall (min {rates.Min():0}, max {rates.Max():0}), {cpuMedian:0} posts per CPU second; allocated {allocatedPerPost / 1024:0.0} KB/post; " +
                          $"GCs during the {MeasuredPasses} passes: gen0 {gen0Runs}, gen2 {gen2Runs}");
        Console.WriteLine($"live heap after a full GC: {Mb(before)} MB before, then every {Checkpoint:N0} posts: {string.Join(" ", retained.Select(Mb))} MB");
        Console.WriteLine($"working set {Mb(workingSet)} MB, peak working set {Mb(peakWorkingSet)} MB (whole process)");
        Console.WriteLine(longPost);
        Console.WriteLine($"target >= {TargetPostsPerSecond:N0} posts/s on one core: {verdict}");
        Console.WriteLine();
        Console.WriteLine("| posts | avg body | median posts/s wall (min–max) | posts per CPU second | µs/post wall | allocated/post | live heap after full GC, first → last of 10 checkpoints | peak working set | target ≥ 2,000/s |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|");
        Console.WriteLine($"| {posts.Count:N0} | {chars:0} chars / {bytes:0} B | {median:0} ({rates.Min():0}–{rates.Max():0}) | {cpuMedian:0} | {1e6 / median:0.0} | {allocatedPerPost / 1024:0.0} KB | " +
                          $"{Mb(retained[0])} → {Mb(retained[^1])} MB | {Mb(peakWorkingSet)} MB | {verdict} |");
        Console.WriteLine();
    }

    /// <summary>One post of about 1 MB (posts joined by blank lines): TextRank ranks only its first 200 sentences.</summary>
    private static string LongPost(OfflineEngine engine, List<object> posts)
    {
        var body = new StringBuilder();
        var bytes = 0;
        for (var i = 0; bytes < 1024 * 1024; i++)
        {
            body.Append(engine.Body(posts[i])).Append("\n\n");
            bytes += Encoding.UTF8.GetByteCount(engine.Body(posts[i])) + 2;
        }
        var post = engine.WithBody(posts[0], "long", body.ToString());
        var best = double.MaxValue;
        for (var run = 0; run < 3; run++)
        {
            var clock = Stopwatch.StartNew();
            engine.Extract(post);
            best = Math.Min(best, clock.Elapsed.TotalMilliseconds);
        }
        return $"one {bytes / 1024.0 / 1024.0:0.00} MB post ({body.Length:N0} characters): {Stats.Ms(best)} (best of 3)";
    }

    /// <returns>Seconds for the pass.</returns>
    private static double Pass(OfflineEngine engine, List<object> posts, List<long>? heap)
    {
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < posts.Count; i++)
        {
            engine.Extract(posts[i]);
            if (heap != null && (i + 1) % Checkpoint == 0) heap.Add(GC.GetTotalMemory(false));
        }
        return clock.Elapsed.TotalSeconds;
    }

    /// <summary>10,000 distinct posts: the labelled and sample posts in turn, each given a numbered line of its own.</summary>
    private static List<object> Posts(OfflineEngine engine, out int baseCount)
    {
        var folders = new[]
        {
            Path.Combine(Repository.Root, "tests", "InterviewTools.Engine.Tests", "Offline", "Labelled"),
            Path.Combine(Repository.Root, "tests", "InterviewTools.Engine.Tests", "Offline", "Labelled", "Holdout"),
            Path.Combine(Repository.Root, "samples"),
            Path.Combine(Repository.Root, "tests", "data", "posts"),
        };
        var originals = folders
            .Where(Directory.Exists)
            .SelectMany(folder => Directory.EnumerateFiles(folder).Where(f => f.EndsWith(".txt") || f.EndsWith(".md") || f.EndsWith(".json")).OrderBy(f => f, StringComparer.Ordinal))
            .Select(path => (Path: path, Post: engine.ReadFile(path)))
            .ToList();
        baseCount = originals.Count;
        var posts = new List<object>(PostCount);
        for (var i = 0; i < PostCount; i++)
        {
            var original = originals[i % originals.Count];
            posts.Add(engine.WithBody(original.Post, $"{original.Path}#{i}", engine.Body(original.Post) + $"\n第 {i + 1} 篇整理，欢迎交流。"));
        }
        return posts;
    }

    /// <summary>Pins the process to its first allowed CPU, so JIT and GC threads share the one core with the loop.</summary>
    private static string PinToOneCore()
    {
        if (!(RuntimeInformation.IsOSPlatform(OSPlatform.Linux) || RuntimeInformation.IsOSPlatform(OSPlatform.Windows)))
        {
            return "single thread (CPU pinning not supported here)";
        }
        using var process = Process.GetCurrentProcess();
        var allowed = (long)process.ProcessorAffinity;
        var first = allowed & -allowed;
        process.ProcessorAffinity = (IntPtr)first;
        return $"single thread, process pinned to one core (affinity mask 0x{first:x} of 0x{allowed:x})";
    }

    /// <summary>CPU time of the whole process: the pinned loop plus GC and JIT threads sharing its core.</summary>
    private static double CpuSeconds()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime.TotalSeconds;
    }

    private static string LoadAverage()
    {
        const string loadAverage = "/proc/loadavg";
        return File.Exists(loadAverage) ? string.Join(" ", File.ReadAllText(loadAverage).Split(' ').Take(3)) : "unknown";
    }

    private static string Mb(long bytes) => (bytes / 1024.0 / 1024.0).ToString("0.0");
}
