using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using InterviewTools.Engine.Common;
using InterviewTools.Engine.Redis;
using InterviewTools.Engine.Rotation;
using InterviewTools.FakeGemini;
using QuotaLimits = InterviewTools.Engine.Common.QuotaLimits;
using FakeQuota = InterviewTools.FakeGemini.QuotaLimits;

namespace InterviewTools.LedgerBench;

/// <summary>
/// reserve: the cost of one reserve plus settle on the file ledger and on Redis over loopback.
/// fleet:   the makespan of 3 machines (ScriptHost processes with state directories of their own) against 1, on the same quota.
/// Redis: $env:INTERVIEWTOOLS_TEST_REDIS, else a private redis-server on a free loopback port (stopped at the end).
/// </summary>
internal static class Program
{
    private const string Flash = "gemini-3.5-flash";

    public static async Task<int> Main(string[] args)
    {
        var scenario = args.Length == 1 ? args[0] : string.Empty;
        if (scenario is not ("reserve" or "fleet" or "all"))
        {
            Console.Error.WriteLine("usage: dotnet run -c Release --project bench/InterviewTools.LedgerBench -- reserve|fleet|all");
            return 2;
        }
        Console.WriteLine($"cores: {Environment.ProcessorCount}; runtime: {System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}; load average: {LoadAverage()}");
        using var redis = RedisServer.Start();
        Console.WriteLine($"redis: {redis.Url}");
        if (scenario is "reserve" or "all") Reserve(redis.Url);
        if (scenario is "fleet" or "all") await FleetAsync(redis.Url);
        return 0;
    }

    private static void Reserve(string url)
    {
        const int requests = 2000;
        var limits = new RouteLimits(new Dictionary<string, QuotaLimits>(StringComparer.OrdinalIgnoreCase)
        {
            [Flash] = new QuotaLimits { RequestsPerMinute = 1_000_000, InputTokensPerMinute = 1_000_000_000, RequestsPerDay = 100_000_000 },
        }, useBuiltInDefaults: false);
        var key = new PooledKey(ApiKey.FromPlainText("AIzaSy-LEDGER-BENCH-0001"), "bench", "bench");
        var candidates = new[] { new Route(key, Flash) };
        var log = new QuietLog();
        var state = Directory.CreateTempSubdirectory("it-ledger-bench-").FullName;
        try
        {
            var stores = new (string Name, Func<ILedgerStore> Open)[]
            {
                ("file ledger (lock file + atomic rename)", () => new FileLedgerStore(Path.Combine(state, Guid.NewGuid().ToString("N") + ".json"), limits, TimeProvider.System, log)),
                ("Redis over loopback (2 Lua scripts)", () => RedisLedgerStore.Open(RedisAddress.Parse(url, _ => null), new Uri("http://bench-" + Guid.NewGuid().ToString("N") + ".invalid"), limits, TimeProvider.System, log)),
            };
            Console.WriteLine();
            Console.WriteLine($"| store | reserve + settle, median of 3 runs of {requests} | runs (µs) |");
            Console.WriteLine("|---|---|---|");
            foreach (var (name, open) in stores)
            {
                var runs = new List<double>();
                for (var round = 0; round < 4; round++)
                {
                    var store = open();
                    var watch = Stopwatch.StartNew();
                    for (var i = 0; i < requests; i++)
                    {
                        var reservation = store.TryReserve(candidates, 500, out _) ?? throw new InvalidOperationException("the bench's limits were reached");
                        store.Settle(reservation, 480);
                    }
                    // The first round warms up (JIT, connection, script cache) and is not counted.
                    if (round > 0) runs.Add(watch.Elapsed.TotalMilliseconds * 1000 / requests);
                }
                runs.Sort();
                Console.WriteLine($"| {name} | {runs[1]:0} µs | {string.Join(" ", runs.Select(r => r.ToString("0")))} |");
            }
        }
        finally
        {
            Directory.Delete(state, recursive: true);
        }
    }

    /// <summary>
    /// 30 posts on one key, 2 models of 10 requests a minute each (20 a minute): the quota bound is one full minute plus the
    /// last posts' round trips, whether one machine sends them or three share them through the ledger on Redis.
    /// </summary>
    private static async Task FleetAsync(string url)
    {
        const int posts = 30;
        const int rpm = 10;
        var latency = TimeSpan.FromMilliseconds(100);
        var models = new[] { "gemini-3.5-flash", "gemini-3.1-flash-lite" };
        Console.WriteLine();
        Console.WriteLine("| machines | posts each | makespan | quota bound | ratio | succeeded | deferred | 429s |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|");
        foreach (var machines in new[] { 1, 3 })
        {
            var options = new FakeGeminiOptions { Latency = latency };
            const string secret = "AIzaSy-LEDGER-BENCH-FLEET-0001";
            options.Keys = new Dictionary<string, string> { [secret] = "bench" };
            foreach (var model in models) options.ModelQuotas[model] = new FakeQuota(Rpm: rpm, Rpd: 1000);
            await using var server = await FakeGeminiServer.StartAsync(options);
            var root = Directory.CreateTempSubdirectory("it-ledger-fleet-").FullName;
            try
            {
                var config = "builtInLimits: false\nlimits:\n" + string.Concat(models.Select(m => $"  {m}: {{ rpm: {rpm}, rpd: 1000 }}\n"));
                var script = Path.Combine(root, "run.ps1");
                // Texts of their own per run: the ledger's server is also the shared result cache, which would answer the 3-machine
                // run's posts that the 1-machine run already summarised, and the bench would time the cache instead of the ledger.
                File.WriteAllText(script, $"$posts = 1..{posts / machines} | ForEach-Object {{ \"{machines} 台之机器 $env:IT_MACHINE 第 $_ 篇：什么是 KV cache？\" }}\n" +
                    $"Invoke-PostSummary -Text $posts -Model {string.Join(", ", models)} -ThrottleLimit 2 -MaxWaitSec 120 | ForEach-Object {{ \"$($_.Status)\" }}\n");
                var watch = Stopwatch.StartNew();
                var results = await Task.WhenAll(Enumerable.Range(1, machines).Select(m => RunMachineAsync(root, m, config, script, server.BaseUrl, secret, url)));
                var makespan = watch.Elapsed;
                var lines = results.SelectMany(r => r).ToList();
                var bound = TimeSpan.FromMinutes((posts + 2 * rpm - 1) / (2 * rpm) - 1) + latency * ((posts - 2 * rpm + 1) / 2);
                Console.WriteLine($"| {machines} | {posts / machines} | {makespan.TotalSeconds:0.0} s | {bound.TotalSeconds:0.0} s | {makespan / bound:0.00} | " +
                                  $"{lines.Count(l => l == "OUT Succeeded")} | {lines.Count(l => l == "OUT Deferred")} | {server.Requests.Count(r => r.Status == 429)} |");
            }
            finally
            {
                Directory.Delete(root, recursive: true);
            }
        }
    }

    private static async Task<List<string>> RunMachineAsync(string root, int machine, string config, string script, string baseUrl, string secret, string ledger)
    {
        var state = Path.Combine(root, "machine-" + machine);
        Directory.CreateDirectory(state);
        File.WriteAllText(Path.Combine(state, "config.yaml"), config);
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "InterviewTools.ScriptHost.dll"));
        start.ArgumentList.Add(Path.Combine(RepositoryRoot(), "out", "InterviewTools", "InterviewTools.psd1"));
        start.ArgumentList.Add(script);
        start.Environment["INTERVIEWTOOLS_STATE_DIR"] = state;
        start.Environment["INTERVIEWTOOLS_LEDGER"] = ledger;
        start.Environment["GOOGLE_GEMINI_BASE_URL"] = baseUrl;
        start.Environment["GEMINI_API_KEY"] = secret;
        start.Environment["IT_MACHINE"] = machine.ToString();
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return output.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0).ToList();
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir != null && !File.Exists(Path.Combine(dir.FullName, "InterviewTools.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("run from inside the repository");
    }

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "unknown";

    private sealed class QuietLog : IEngineLog
    {
        public void Verbose(string message) { }
        public void Warning(string message) => Console.Error.WriteLine("warning: " + message);
        public void Waiting(string what, DateTimeOffset until) { }
        public void ConfigProblem(string configFile, string problem) { }
    }

    /// <summary>The Redis server the bench uses: the one INTERVIEWTOOLS_TEST_REDIS names, or one of its own, daemonised on a free port.</summary>
    private sealed class RedisServer : IDisposable
    {
        private readonly string? _pidFile;

        private RedisServer(string url, string? pidFile)
        {
            Url = url;
            _pidFile = pidFile;
        }

        public string Url { get; }

        public static RedisServer Start()
        {
            var given = Environment.GetEnvironmentVariable("INTERVIEWTOOLS_TEST_REDIS");
            if (!string.IsNullOrEmpty(given)) return new RedisServer(given, null);
            var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
            listener.Start();
            var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            var pidFile = Path.Combine(Path.GetTempPath(), $"it-ledger-bench-redis-{port}.pid");
            using (var daemon = Process.Start("redis-server", $"--port {port} --bind 127.0.0.1 --save \"\" --appendonly no --daemonize yes --pidfile {pidFile}"))
            {
                daemon.WaitForExit();
            }
            for (var i = 0; i < 100 && !File.Exists(pidFile); i++) System.Threading.Thread.Sleep(50);
            return new RedisServer($"redis://127.0.0.1:{port}/0", pidFile);
        }

        public void Dispose()
        {
            if (_pidFile == null || !File.Exists(_pidFile)) return;
            using var server = Process.GetProcessById(int.Parse(File.ReadAllText(_pidFile).Trim()));
            server.Kill();
        }
    }
}
