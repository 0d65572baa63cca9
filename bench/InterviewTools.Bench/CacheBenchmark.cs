using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;

namespace InterviewTools.Bench;

/// <summary>
/// The result cache on its own: store 1,000 summaries, then look all of them up again, first in fresh processes
/// (what a rerun pays: cold JIT, every entry read from its file) and then warm in this one.
/// </summary>
internal static class CacheBenchmark
{
    public const string ReadScenario = "cache-read";
    private const int Entries = 1000;
    private const int ColdProcesses = 3;
    private const int WarmPasses = 5;

    public static void Run()
    {
        Console.WriteLine("# cache");
        var state = Directory.CreateTempSubdirectory("it-bench-cache-").FullName;
        try
        {
            var engine = ShippedEngine.Load();
            var cache = NewCache(engine, state);
            var key = Key(engine);
            var store = ShippedEngine.Method(cache, "Store");
            var outcomes = Enumerable.Range(0, Entries).Select(i => Outcome(engine, Post(engine, i))).ToArray();

            var clock = Stopwatch.StartNew();
            foreach (var outcome in outcomes)
            {
                if (!(bool)store.Invoke(cache, new[] { outcome, key })!) throw new InvalidOperationException("Store refused a Succeeded outcome.");
            }
            clock.Stop();
            var bytes = Directory.EnumerateFiles(Path.Combine(state, "cache"), "*.json", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);
            Console.WriteLine($"store {Entries} entries: {Stats.Ms(clock.Elapsed.TotalMilliseconds)} ({Entries / clock.Elapsed.TotalSeconds:0} entries/s), {bytes / 1024.0:0} KiB on disk, {bytes / Entries} bytes/entry");

            var cold = new List<(double LoadMs, double ReadMs, double FirstMs)>();
            for (var i = 0; i < ColdProcesses; i++) cold.Add(ReadInFreshProcess(state));
            foreach (var (loadMs, readMs, firstMs) in cold)
            {
                Console.WriteLine($"cold process: engine load {Stats.Ms(loadMs)}, TryGet x{Entries} {Stats.Ms(readMs)} ({Entries / (readMs / 1000):0} entries/s; the first lookup {Stats.Ms(firstMs)}), all hits");
            }

            var warm = Enumerable.Range(0, WarmPasses).Select(_ => ReadAll(engine, state).ReadMs).ToArray();
            Console.WriteLine($"warm, same process, {WarmPasses} passes: TryGet x{Entries} median {Stats.Ms(Stats.Median(warm))} ({Entries / (Stats.Median(warm) / 1000):0} entries/s), min {Stats.Ms(warm.Min())}, max {Stats.Ms(warm.Max())}");
            Console.WriteLine();
            Console.WriteLine("| store x1000 (entries/s) | bytes/entry | cold process TryGet x1000 (entries/s) | of which the first lookup | cold engine load | warm TryGet x1000 median (entries/s) |");
            Console.WriteLine("|---|---|---|---|---|---|");
            var coldReads = string.Join(", ", cold.Select(c => $"{Stats.Ms(c.ReadMs)} ({Entries / (c.ReadMs / 1000):0})"));
            var coldLoads = string.Join(", ", cold.Select(c => Stats.Ms(c.LoadMs)));
            var coldFirsts = string.Join(", ", cold.Select(c => Stats.Ms(c.FirstMs)));
            Console.WriteLine($"| {Stats.Ms(clock.Elapsed.TotalMilliseconds)} ({Entries / clock.Elapsed.TotalSeconds:0}) | {bytes / Entries} | {coldReads} | {coldFirsts} | {coldLoads} | {Stats.Ms(Stats.Median(warm))} ({Entries / (Stats.Median(warm) / 1000):0}) |");
            Console.WriteLine();
        }
        finally
        {
            Directory.Delete(state, recursive: true);
        }
    }

    /// <summary>The child process's side: load the engine, then time TryGet over every entry. Prints one machine-readable line.</summary>
    public static int ReadOnly(string state)
    {
        var clock = Stopwatch.StartNew();
        var engine = ShippedEngine.Load();
        engine.Type("Cache.ResultCache");
        var loadMs = clock.Elapsed.TotalMilliseconds;
        var (hits, readMs, firstMs) = ReadAll(engine, state);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"cache-read load-ms={loadMs:0.00} read-ms={readMs:0.00} first-ms={firstMs:0.00} hits={hits}"));
        return hits == Entries ? 0 : 1;
    }

    /// <summary>Builds the posts first, as reading files would, so the clock covers TryGet alone.</summary>
    private static (int Hits, double ReadMs, double FirstMs) ReadAll(ShippedEngine engine, string state)
    {
        var cache = NewCache(engine, state);
        var key = Key(engine);
        var tryGet = ShippedEngine.Method(cache, "TryGet");
        var posts = Enumerable.Range(0, Entries).Select(i => Post(engine, i)).ToArray();
        var hits = 0;
        var first = 0.0;
        var clock = Stopwatch.StartNew();
        foreach (var post in posts)
        {
            if ((bool)tryGet.Invoke(cache, new[] { post, key, null, true })!) hits++;
            if (first == 0) first = clock.Elapsed.TotalMilliseconds;
        }
        clock.Stop();
        if (hits != Entries) throw new InvalidOperationException($"Only {hits} of {Entries} lookups hit.");
        return (hits, clock.Elapsed.TotalMilliseconds, first);
    }

    private static (double LoadMs, double ReadMs, double FirstMs) ReadInFreshProcess(string state)
    {
        var self = Environment.ProcessPath!;
        var start = Path.GetFileNameWithoutExtension(self) == "dotnet"
            ? new ProcessStartInfo(self) { ArgumentList = { Assembly.GetEntryAssembly()!.Location, ReadScenario, state } }
            : new ProcessStartInfo(self) { ArgumentList = { ReadScenario, state } };
        start.RedirectStandardOutput = true;
        using var child = Process.Start(start)!;
        var output = child.StandardOutput.ReadToEnd();
        if (!child.WaitForExit(120_000) || child.ExitCode != 0) throw new InvalidOperationException("The cold read process failed: " + output);
        var fields = output.Split('\n').Single(l => l.StartsWith(ReadScenario, StringComparison.Ordinal)).Split(' ')
            .Skip(1).Select(f => f.Split('=')).ToDictionary(f => f[0], f => double.Parse(f[1], CultureInfo.InvariantCulture));
        return (fields["load-ms"], fields["read-ms"], fields["first-ms"]);
    }

    /// <summary>No log: a sound cache warns about nothing, and a warning would fail the run soon enough.</summary>
    private static object NewCache(ShippedEngine engine, string state) => engine.New("Cache.ResultCache", state, null, null);

    private static object Key(ShippedEngine engine) =>
        engine.Static("Cache.CacheKey", "For", engine.Type("Summaries.SummaryPrompt").GetField("Default")!.GetValue(null), System.Enum.Parse(engine.Contract("PostSummaryProvider"), "Gemini"))!;

    /// <summary>A ~1 KB Chinese post, distinct per index; the same index gives the same post in every process.</summary>
    private static object Post(ShippedEngine engine, int index)
    {
        var text = $"【第 {index} 篇】字节大模型一面面经：" + string.Concat(Enumerable.Repeat("先聊项目，再问 MHA、MQA、GQA 的区别和 RoPE 的长度外推。", 12));
        var hash = engine.Static("Posts.ContentHash", "Of", text);
        return engine.New("Posts.PostDocument", $"/posts/post-{index:0000}.txt", null, text, Array.Empty<string>(), hash, Array.Empty<string>());
    }

    /// <summary>A summary about the size Gemini gives for such a post: ~1.5 KB of notes.</summary>
    private static object Outcome(ShippedEngine engine, object post)
    {
        var summary = Activator.CreateInstance(engine.Contract("PostSummary"))!;
        ShippedEngine.Set(summary, "Source", post.GetType().GetProperty("Source")!.GetValue(post));
        ShippedEngine.Set(summary, "ContentHash", post.GetType().GetProperty("ContentHash")!.GetValue(post));
        ShippedEngine.Set(summary, "Title", "【字节大模型一面】面经");
        ShippedEngine.Set(summary, "Summary", "作者分享了字节大模型一面的经历：先聊实习项目，再问 Transformer、GQA、RoPE，最后手撕 MHA。");
        ShippedEngine.Set(summary, "Experiences", new[] { "项目一定要讲清楚自己做了什么、指标提升多少", "手撕代码前先确认输入输出的 shape" });
        ShippedEngine.Set(summary, "Tips", new[] { "准备一个能讲 10 分钟的项目", "把常见注意力变体的显存开销算一遍" });
        ShippedEngine.Set(summary, "Advice", new[] { "面试前把 DeepSeekV3 和 Qwen2.5 的技术报告至少过一遍" });
        ShippedEngine.Set(summary, "Questions", new[] { "MHA、MQA、GQA 的区别是什么？GQA 为什么能省显存？", "RoPE 的原理是什么？怎么做长度外推？", "手撕 MHA" });
        ShippedEngine.Set(summary, "Topics", new[] { "字节跳动", "大模型面试" });
        ShippedEngine.Set(summary, "Terms", new[] { "MHA", "MQA", "GQA", "RoPE" });
        ShippedEngine.Set(summary, "Status", System.Enum.Parse(engine.Contract("PostSummaryStatus"), "Succeeded"));
        ShippedEngine.Set(summary, "Provider", System.Enum.Parse(engine.Contract("PostSummaryProvider"), "Gemini"));
        ShippedEngine.Set(summary, "Model", "gemini-3.5-flash");
        ShippedEngine.Set(summary, "KeyId", "key-3f9a1c2e");
        ShippedEngine.Set(summary, "Attempts", 1);
        ShippedEngine.Set(summary, "InputTokens", 612);
        ShippedEngine.Set(summary, "OutputTokens", 388);
        ShippedEngine.Set(summary, "Duration", TimeSpan.FromMilliseconds(2417));
        ShippedEngine.Set(summary, "CompletedAt", DateTimeOffset.UtcNow);
        return engine.New("Summaries.SummaryOutcome", post, summary, null);
    }
}
