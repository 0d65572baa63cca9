using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using InterviewTools.Engine.Tests.Redis;
using InterviewTools.FakeGemini;
using StackExchange.Redis;
using Xunit;

namespace InterviewTools.Tests
{
    /// <summary>
    /// Several PowerShell processes, each with a state directory of its own as separate machines would have, sharing one key
    /// pool through the quota ledger on a real redis-server.
    /// </summary>
    [Collection(HostedCollection.Name)]
    public sealed class RedisFleetTests
    {
        private const string Limits = "limits:\n  gemini-3.5-flash: { rpm: 5, rpd: 20 }\n  gemini-3.1-flash-lite: { rpm: 15, rpd: 500 }\n";

        [RedisFact]
        public async Task ThreeMachinesOnOneKeyPoolSpendTheQuotaOnceAndTheSharedLedgerCountsWhatTheServerCounted()
        {
            var options = new FakeGeminiOptions();
            options.ModelQuotas["gemini-3.5-flash"] = new QuotaLimits(Rpm: 5, Rpd: 20);
            options.ModelQuotas["gemini-3.1-flash-lite"] = new QuotaLimits(Rpm: 15, Rpd: 500);
            using var world = new HostedScenario(options, config: Limits);
            var ledger = TestRedis.RequireUrl();
            var script = world.WritePost("run.ps1",
                "$posts = 1..8 | ForEach-Object { \"机器 $env:IT_PROCESS 第 $_ 篇：什么是 GQA？\" }\n" +
                "Invoke-PostSummary -Text $posts -Model gemini-3.5-flash, gemini-3.1-flash-lite -ThrottleLimit 2 -MaxWaitSec 0 | ForEach-Object { \"$($_.Status) $($_.Model)\" }\n");

            // 24 posts and 20 requests a minute between the two models: each machine alone would see room for all of its 8.
            var results = await Task.WhenAll(new[] { "A", "B", "C" }.Select(name => ChildPowerShell.RunAsync(script, name, Machine(world, name, ledger))));

            var outputs = results.SelectMany(r => r.Lines.Where(l => l.StartsWith("OUT "))).ToList();
            Assert.All(results, r => Assert.True(r.ExitCode == 0, string.Join("\n", r.Lines)));
            Assert.Equal(24, outputs.Count);
            Assert.True(outputs.Count(l => l.StartsWith("OUT Succeeded")) == 20, string.Join("\n", results.SelectMany(r => r.Lines)));
            Assert.Equal(4, outputs.Count(l => l.StartsWith("OUT Deferred")));
            Assert.DoesNotContain(world.Server.Requests, r => r.Status == 429);
            var rows = HostedScenario.WithLedger(ledger, () => world.Run("Get-QuotaStatus").Output.Select(o => o.Properties).ToList());
            Assert.All(rows, row => Assert.Equal(ledger.TrimEnd('/'), ((string)row["Ledger"].Value).TrimEnd('/')));
            foreach (var ((_, model), usage) in world.Server.UsageSnapshot())
            {
                var row = rows.Single(r => (string)r["Model"].Value == model);
                Assert.Equal(usage.RequestsToday, (int)row["RequestsToday"].Value);
            }
            Assert.Equal(world.Server.GenerateCount, rows.Sum(r => (int)r["RequestsToday"].Value));
            AssertNoSecretIn(ledger, HostedScenario.Secret);
        }

        [RedisFact]
        public async Task TwoMachinesStartingTheSamePostsSendEachOnceAndAThirdFindsThemAllInTheSharedCache()
        {
            var options = new FakeGeminiOptions { Latency = TimeSpan.FromMilliseconds(150) };
            using var world = new HostedScenario(options);
            var ledger = TestRedis.RequireUrl();
            var script = world.WritePost("same.ps1",
                "$posts = 1..6 | ForEach-Object { \"同一篇 $_：什么是 speculative decoding？\" }\n" +
                "Invoke-PostSummary -Text $posts -ThrottleLimit 2 | ForEach-Object { \"$($_.Status) $($_.FromCache)\" }\n");

            var pair = await Task.WhenAll(new[] { "A", "B" }.Select(name => ChildPowerShell.RunAsync(script, name, Machine(world, name, ledger))));
            var sent = world.Server.GenerateCount;
            var third = await ChildPowerShell.RunAsync(script, "C", Machine(world, "C", ledger));

            Assert.All(pair, r => Assert.True(r.ExitCode == 0, string.Join("\n", r.Lines)));
            var outputs = pair.SelectMany(r => r.Lines.Where(l => l.StartsWith("OUT "))).ToList();
            Assert.Equal(12, outputs.Count(l => l.StartsWith("OUT Succeeded")));
            Assert.True(outputs.Count(l => l == "OUT Succeeded True") == 6, $"sent {sent}:\n" + string.Join("\n", pair.SelectMany(r => r.Lines)));
            Assert.Equal(6, sent);
            Assert.Equal(6, world.SentPostTexts().Distinct().Count());
            Assert.Equal(6, third.Lines.Count(l => l == "OUT Succeeded True"));
            Assert.Equal(6, world.Server.GenerateCount);
        }

        [Fact]
        public async Task RedisKilledMidRunCostsNoSummaryAndTheRestAreDeferredThenFinishedAfterTheRestart()
        {
            if (TestRedis.ServerPath() == null)
            {
                Assert.False(TestRedis.InCi, "CI=true and redis-server is not installed: this test starts and kills a server of its own.");
                return;
            }
            const string password = "pw-Redis-Kill-Test-91c2e7";
            var port = TestRedis.FreePort();
            var server = TestRedis.StartServer(port, password)!;
            var options = new FakeGeminiOptions { Latency = TimeSpan.FromMilliseconds(400) };
            using var world = new HostedScenario(options);
            var ledger = $"redis://127.0.0.1:{port}/0";
            var environment = new Dictionary<string, string?> { ["INTERVIEWTOOLS_LEDGER"] = ledger, ["INTERVIEWTOOLS_REDIS_PASSWORD"] = password };
            var script = world.WritePost("kill.ps1",
                "$posts = 1..8 | ForEach-Object { \"第 $_ 篇：Redis 断了怎么办？\" }\n" +
                "Invoke-PostSummary -Text $posts -ThrottleLimit 1 -MaxWaitSec 2 | ForEach-Object { \"$($_.Status) $($_.FromCache) $($_.Error)\" }\n");
            try
            {
                var run = ChildPowerShell.RunAsync(script, "A", environment);
                var watch = Stopwatch.StartNew();
                while (world.Server.GenerateCount < 2 && watch.Elapsed < TimeSpan.FromSeconds(60)) await Task.Delay(20);
                server.Kill();
                server.WaitForExit();
                var first = await run;

                var outputs = first.Lines.Where(l => l.StartsWith("OUT ")).ToList();
                Assert.True(first.ExitCode == 0, string.Join("\n", first.Lines));
                Assert.True(outputs.Count == 8, string.Join("\n", first.Lines));
                var succeeded = outputs.Count(l => l.StartsWith("OUT Succeeded"));
                Assert.InRange(succeeded, 2, 7);
                Assert.All(outputs.Where(l => !l.StartsWith("OUT Succeeded")), l => Assert.Contains($"The quota ledger at {ledger}", l.Replace("redis://:***@", "redis://")));
                Assert.Equal(succeeded, world.Server.GenerateCount);
                Assert.DoesNotContain(first.Lines, l => l.Contains(password) || l.Contains(HostedScenario.Secret));

                server = TestRedis.StartServer(port, password)!;
                var second = await ChildPowerShell.RunAsync(script, "A", environment);

                var again = second.Lines.Where(l => l.StartsWith("OUT ")).ToList();
                Assert.True(second.ExitCode == 0, string.Join("\n", second.Lines));
                Assert.Equal(succeeded, again.Count(l => l == "OUT Succeeded True "));
                Assert.Equal(8 - succeeded, again.Count(l => l == "OUT Succeeded False "));
                Assert.Equal(8, world.Server.GenerateCount);
                AssertNoSecretIn($"redis://:{password}@127.0.0.1:{port}/0", HostedScenario.Secret, password);
                Assert.DoesNotContain(second.Lines, l => l.Contains(password) || l.Contains(HostedScenario.Secret));
                foreach (var file in Directory.GetFiles(world.Folder, "*", SearchOption.AllDirectories).Where(f => !f.EndsWith(".ps1")))
                {
                    var text = File.ReadAllText(file);
                    Assert.False(text.Contains(password) || text.Contains(HostedScenario.Secret), $"{file} holds a secret");
                }
            }
            finally
            {
                if (!server.HasExited) server.Kill();
            }
        }

        /// <summary>Another machine: its own state directory (and so its own file ledger and cache), the same config and ledger URL.</summary>
        private static Dictionary<string, string?> Machine(HostedScenario world, string name, string ledger)
        {
            var state = Path.Combine(world.Folder, "machine-" + name);
            Directory.CreateDirectory(state);
            File.Copy(Path.Combine(world.StateFolder, "config.yaml"), Path.Combine(state, "config.yaml"));
            return new Dictionary<string, string?> { ["INTERVIEWTOOLS_STATE_DIR"] = state, ["INTERVIEWTOOLS_LEDGER"] = ledger };
        }

        /// <summary>Reads every key and every value the module left on the server, as any client could, and looks for the secrets.</summary>
        private static void AssertNoSecretIn(string url, params string[] secrets)
        {
            var uri = new Uri(url);
            var options = ConfigurationOptions.Parse($"{uri.Host}:{uri.Port}");
            if (uri.UserInfo.Length > 0) options.Password = Uri.UnescapeDataString(uri.UserInfo.TrimStart(':'));
            options.AllowAdmin = true;
            using var redis = ConnectionMultiplexer.Connect(options);
            var db = redis.GetDatabase();
            var keys = redis.GetServer(redis.GetEndPoints()[0]).Keys(pattern: "interviewtools:*").ToList();
            Assert.NotEmpty(keys);
            foreach (var key in keys)
            {
                var text = key.ToString() + "\n" + (db.KeyType(key) switch
                {
                    RedisType.Hash => string.Join("\n", db.HashGetAll(key).Select(e => e.Name + "=" + e.Value)),
                    RedisType.Set => string.Join("\n", db.SetMembers(key)),
                    RedisType.String => (string?)db.StringGet(key),
                    var other => throw new InvalidOperationException($"{key} is a {other}: the scan must learn to read it."),
                });
                foreach (var secret in secrets) Assert.DoesNotContain(secret, text);
            }
        }
    }
}
