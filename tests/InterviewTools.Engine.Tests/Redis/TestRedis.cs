using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using Xunit;

namespace InterviewTools.Engine.Tests.Redis
{
    /// <summary>
    /// The Redis server the tests use: $env:INTERVIEWTOOLS_TEST_REDIS (CI and build.ps1 start one and set it), else a private
    /// redis-server this test run starts on a free loopback port when one is installed. Without either, Redis tests skip with
    /// a message saying so, except in CI (CI=true), where a missing server must fail the run rather than hide it.
    /// </summary>
    public static class TestRedis
    {
        public const string Variable = "INTERVIEWTOOLS_TEST_REDIS";

        private static readonly Lazy<string?> Started = new Lazy<string?>(StartPrivate);

        static TestRedis()
        {
            // The Redis client reads replies on pool threads; on Mono, with every other test class running in parallel on two
            // busy cores, a pool that grows slowly left replies unread past the client's timeout. Tests only: a run of the
            // module has a few requests in flight, not a test suite's hundreds.
            System.Threading.ThreadPool.GetMinThreads(out var workers, out var io);
            System.Threading.ThreadPool.SetMinThreads(Math.Max(workers, 32), Math.Max(io, 32));
        }

        public static bool InCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

        /// <summary>The server's URL, or null when there is none (and this is not CI).</summary>
        public static string? Url
        {
            get
            {
                var given = Environment.GetEnvironmentVariable(Variable);
                if (!string.IsNullOrWhiteSpace(given)) return given;
                return Started.Value;
            }
        }

        /// <summary>Why Redis tests skip here, or null when they run.</summary>
        public static string? SkipReason => InCi || Url != null ? null
            : $"No Redis server: set {Variable}=redis://127.0.0.1:PORT/0 or install redis-server (apt-get install redis-server) to run this test.";

        /// <summary>The URL, failing the test (in CI) when there is no server.</summary>
        public static string RequireUrl() => Url ?? throw new InvalidOperationException(
            $"CI=true and no Redis server: .ci/run starts one and sets {Variable}; redis-server is not installed or did not start.");

        public static string? ServerPath() => (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator)
            .Select(dir => Path.Combine(dir, "redis-server")).FirstOrDefault(File.Exists);

        public static int FreePort()
        {
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            return port;
        }

        /// <summary>Starts a redis-server of its own on a free loopback port, stopped when the test process ends.</summary>
        public static Process? StartServer(int port, string? password = null)
        {
            var path = ServerPath();
            if (path == null) return null;
            var info = new ProcessStartInfo(path, $"--port {port} --bind 127.0.0.1 --save \"\" --appendonly no" + (password == null ? string.Empty : " --requirepass " + password))
            {
                UseShellExecute = false,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            var process = Process.Start(info)!;
            process.OutputDataReceived += (_, _) => { };
            process.ErrorDataReceived += (_, _) => { };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
            while (DateTime.UtcNow < deadline)
            {
                try
                {
                    using (var client = new TcpClient())
                    {
                        client.Connect(IPAddress.Loopback, port);
                    }
                    return process;
                }
                catch (SocketException)
                {
                    System.Threading.Thread.Sleep(50);
                }
            }
            process.Kill();
            return null;
        }

        private static string? StartPrivate()
        {
            var port = FreePort();
            var process = StartServer(port);
            if (process == null) return null;
            void Stop(object? sender, EventArgs e)
            {
                try
                {
                    if (!process.HasExited) process.Kill();
                }
                catch (InvalidOperationException)
                {
                }
            }
            // On .NET Framework the tests run in an application domain of their own, which is unloaded rather than exited.
            AppDomain.CurrentDomain.ProcessExit += Stop;
            AppDomain.CurrentDomain.DomainUnload += Stop;
            return $"redis://127.0.0.1:{port}/0";
        }
    }

    /// <summary>A test that needs a Redis server: it skips, with the reason, where there is none (but not in CI).</summary>
    public sealed class RedisFactAttribute : FactAttribute
    {
        public RedisFactAttribute()
        {
            Skip = TestRedis.SkipReason;
        }
    }

    /// <summary>A theory that needs a Redis server; see <see cref="RedisFactAttribute"/>.</summary>
    public sealed class RedisTheoryAttribute : TheoryAttribute
    {
        public RedisTheoryAttribute()
        {
            Skip = TestRedis.SkipReason;
        }
    }
}
