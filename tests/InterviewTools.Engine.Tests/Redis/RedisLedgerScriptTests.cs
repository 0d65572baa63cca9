using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using InterviewTools.Engine.Common;
using InterviewTools.Engine.Redis;
using InterviewTools.Engine.Resources;
using InterviewTools.Engine.Rotation;
using Microsoft.Extensions.Time.Testing;
using StackExchange.Redis;
using Xunit;

namespace InterviewTools.Engine.Tests.Redis
{
    /// <summary>
    /// The ledger's Lua scripts on a real redis-server: RPM, TPM and RPD checked together on the server's clock (injected here
    /// through the scripts' now argument), settle and release, reservations that expire, the Pacific day boundary across DST,
    /// and the same answers as the file ledger for the same history.
    /// </summary>
    public sealed class RedisLedgerScriptTests : IDisposable
    {
        private const string Flash = "gemini-2.5-flash";
        private readonly string _state = Path.Combine(Path.GetTempPath(), "it-redis-ledger-" + Guid.NewGuid().ToString("N"));
        private readonly PooledKey _key = new PooledKey(ApiKey.FromPlainText("AIzaSy-REDIS-SCRIPT-TEST-0001"), "p", "test");

        /// <summary>The Redis server's clock, as the scripts see it.</summary>
        private FakeTimeProvider _server = new FakeTimeProvider(DateTimeOffset.Parse("2026-11-23T18:00:00Z"));

        private static RouteLimits Limits(QuotaLimits flash) =>
            new RouteLimits(new Dictionary<string, QuotaLimits>(StringComparer.OrdinalIgnoreCase) { [Flash] = flash }, useBuiltInDefaults: false);

        /// <summary>
        /// Limits config.yaml states in full (a requests-per-minute and a requests-per-day limit), so the route's limits are confirmed
        /// and it takes requests in parallel: the tests of counting are not held by a probe claim (the probe tests below are).
        /// </summary>
        private static RouteLimits Confirmed(QuotaLimits flash) => Limits(new QuotaLimits
        {
            RequestsPerMinute = flash.RequestsPerMinute ?? 1000,
            InputTokensPerMinute = flash.InputTokensPerMinute,
            RequestsPerDay = flash.RequestsPerDay ?? 100000,
            InputTokensPerDay = flash.InputTokensPerDay,
        });

        private RedisLedgerStore Store(RouteLimits limits, TimeProvider? engineClock = null, string? endpoint = null, bool serverTime = false)
        {
            var address = RedisAddress.Parse(TestRedis.RequireUrl(), _ => null);
            var store = RedisLedgerStore.Open(address, new Uri(endpoint ?? "http://redis-script-test-" + Guid.NewGuid().ToString("N") + ".invalid"), limits, engineClock ?? _server, new WarningLog(_ => { }));
            if (!serverTime) store.ServerClock = () => _server.GetUtcNow().ToUnixTimeMilliseconds();
            return store;
        }

        private Reservation? Reserve(ILedgerStore store, long tokens, out Blockage? blockage) =>
            store.TryReserve(new[] { new Route(_key, Flash) }, tokens, out blockage);

        private static RouteUsage Usage(ILedgerStore store) => store.Snapshot().Routes[RouteUsage.KeyOf("p", Flash)];

        [RedisFact]
        public void RequestsPerMinuteAreCheckedOnTheServerAndFreeWhenTheOldestBucketLeavesTheWindow()
        {
            var store = Store(Confirmed(new QuotaLimits { RequestsPerMinute = 2 }));
            Assert.NotNull(Reserve(store, 10, out _));
            _server.Advance(TimeSpan.FromSeconds(5));
            Assert.NotNull(Reserve(store, 10, out _));

            Assert.Null(Reserve(store, 10, out var blockage));
            Assert.Equal("2/2 requests this minute (configured in config.yaml)", blockage!.Reason);
            Assert.Equal(DateTimeOffset.Parse("2026-11-23T18:01:01Z"), blockage.Until);

            _server.Advance(blockage.Until - _server.GetUtcNow());
            Assert.NotNull(Reserve(store, 10, out _));
        }

        [RedisFact]
        public void TokensPerMinuteCountTheEstimateUntilSettleCorrectsIt()
        {
            var store = Store(Confirmed(new QuotaLimits { InputTokensPerMinute = 1000 }));
            var first = Reserve(store, 600, out _);
            Assert.NotNull(first);

            Assert.Null(Reserve(store, 600, out var blockage));
            Assert.Equal("600/1,000 input tokens this minute (configured in config.yaml)", blockage!.Reason);

            store.Settle(first!, countedTokens: 300);
            Assert.Equal(300, Usage(store).DayTokens);
            Assert.NotNull(Reserve(store, 600, out _));
            Assert.Equal(900, Usage(store).Minute.Sum(b => b.Tokens));
        }

        [RedisFact]
        public void RequestsPerDayStopTheRouteUntilMidnightPacific()
        {
            var store = Store(Confirmed(new QuotaLimits { RequestsPerDay = 2 }));
            Assert.NotNull(Reserve(store, 1, out _));
            Assert.NotNull(Reserve(store, 1, out _));

            Assert.Null(Reserve(store, 1, out var blockage));
            Assert.Equal("2/2 requests today (configured in config.yaml)", blockage!.Reason);
            Assert.Equal(PacificTime.NextMidnight(_server.GetUtcNow()), blockage.Until);
        }

        [RedisTheory]
        [InlineData("2026-07-14T06:59:30Z", "2026-07-14T07:00:00Z")] // summer: PDT, UTC-7
        [InlineData("2026-11-23T07:59:30Z", "2026-11-23T08:00:00Z")] // winter: PST, UTC-8
        [InlineData("2026-03-09T06:59:30Z", "2026-03-09T07:00:00Z")] // the last second of the spring-forward day (23 hours, ends in PDT)
        [InlineData("2026-11-02T07:59:30Z", "2026-11-02T08:00:00Z")] // the last second of the fall-back day (25 hours, ends in PST)
        public void TheDayRollsOverAtMidnightPacificOnTheServersClock(string serverTime, string nextMidnight)
        {
            _server = new FakeTimeProvider(DateTimeOffset.Parse(serverTime));
            // The engine's own clock is a day off: only the server's counts.
            var engine = new FakeTimeProvider(DateTimeOffset.Parse(serverTime) - TimeSpan.FromHours(20));
            var store = Store(Confirmed(new QuotaLimits { RequestsPerDay = 1 }), engine);
            Assert.NotNull(Reserve(store, 1, out _));
            Assert.Null(Reserve(store, 1, out var blockage));

            var wait = blockage!.Until - engine.GetUtcNow();
            Assert.Equal(DateTimeOffset.Parse(nextMidnight) - _server.GetUtcNow(), wait);

            _server.SetUtcNow(DateTimeOffset.Parse(nextMidnight) - TimeSpan.FromSeconds(1));
            Assert.Null(Reserve(store, 1, out _));
            _server.SetUtcNow(DateTimeOffset.Parse(nextMidnight));
            Assert.NotNull(Reserve(store, 1, out _));
            Assert.Equal(1, Usage(store).DayRequests);
        }

        [RedisFact]
        public void AReleasedRequestIsGivenBackAndAVerdictCoolsTheRouteOnTheServersClock()
        {
            var store = Store(Confirmed(new QuotaLimits { RequestsPerMinute = 1 }));
            var reservation = Reserve(store, 50, out _);
            store.Release(reservation!, new RotationVerdict(RotationAction.CoolDown, "429 per minute") { CoolDown = TimeSpan.FromSeconds(30) });

            var usage = Usage(store);
            Assert.Equal(0, usage.DayRequests);
            Assert.Equal(0, usage.DayTokens);
            Assert.Equal("429 per minute", usage.LastError);
            Assert.Equal(_server.GetUtcNow() + TimeSpan.FromSeconds(30), usage.CoolingUntil);
            Assert.Null(Reserve(store, 1, out var blockage));
            Assert.Equal("cooling down: 429 per minute (server)", blockage!.Reason);
        }

        [RedisFact]
        public void AnExpiredReservationCannotBeGivenBackTwiceAndStaysCounted()
        {
            var store = Store(Confirmed(new QuotaLimits { RequestsPerMinute = 5 }));
            store.ReservationLife = TimeSpan.FromSeconds(2);
            var reservation = Reserve(store, 10, out _);
            var key = store.UsageKey("p", Flash).ToString().Replace(":usage", ":res:" + reservation!.Id);
            using var redis = ConnectionMultiplexer.Connect(RedisAddress.Parse(TestRedis.RequireUrl(), _ => null).Options(TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(5)));
            Assert.True(redis.GetDatabase().KeyExists(key));

            System.Threading.Thread.Sleep(2500);

            Assert.False(redis.GetDatabase().KeyExists(key));
            store.Release(reservation, null);
            Assert.Equal(1, Usage(store).DayRequests);
        }

        [RedisFact]
        public void LearnedLimitsTiersRetiredModelsAndRefusedKeysAreSharedByFingerprintOnly()
        {
            var endpoint = "http://redis-shared-facts-" + Guid.NewGuid().ToString("N") + ".invalid";
            var one = Store(new RouteLimits(useBuiltInDefaults: false), endpoint: endpoint);
            var other = Store(new RouteLimits(useBuiltInDefaults: false), endpoint: endpoint);
            var reservation = Reserve(one, 10, out _);
            one.Release(reservation!, new RotationVerdict(RotationAction.CoolDown, "429 GenerateRequestsPerMinutePerProjectPerModel-FreeTier")
            {
                CoolDown = TimeSpan.FromSeconds(20),
                QuotaId = "GenerateRequestsPerMinutePerProjectPerModel-FreeTier",
                Learned = new QuotaLimits { RequestsPerMinute = 5 },
            });
            one.DisableKey(_key, "API key not valid");
            var retired = new PooledKey(ApiKey.FromPlainText("AIzaSy-REDIS-SCRIPT-TEST-0002"), "q", "test");
            var retiring = one.TryReserve(new[] { new Route(retired, "gemini-1.0-pro") }, 1, out _);
            one.Release(retiring!, new RotationVerdict(RotationAction.RetireModel, "404 model not found"));

            var seen = other.Snapshot();
            Assert.Equal(5, seen.Routes[RouteUsage.KeyOf("p", Flash)].Learned.RequestsPerMinute);
            Assert.Equal(ProjectTier.Free, seen.TierOf("p"));
            Assert.Equal("API key not valid", seen.Keys[_key.Key.Fingerprint].Disabled!.Reason);
            Assert.True(seen.RetiredModels.ContainsKey("gemini-1.0-pro"));
            Assert.Equal(1, other.Reset(new LedgerReset { KeyFingerprint = _key.Key.Fingerprint }));
            Assert.False(one.Snapshot().Keys.ContainsKey(_key.Key.Fingerprint));
        }

        [RedisFact]
        public void TheRedisStoreAnswersAsTheFileLedgerDoesForTheSameHistory() => PlayOnBothStores(
            Limits(new QuotaLimits { RequestsPerMinute = 3, InputTokensPerMinute = 1000, RequestsPerDay = 6 }),
            (0, 300, 250, false), (1, 400, null, false), (0.5, 500, null, false), (2, 100, null, true), (3, 100, 90, false),
            (10, 100, null, false), (50, 100, null, false), (1, 300, 300, false), (7, 1, null, false), (60, 1, 1, false), (1, 1, null, false));

        /// <summary>
        /// No daily limit is stated, so the route's limits are unconfirmed and each request holds its probe claim: an unanswered one
        /// holds the route until the claim expires, an answered or released one gives it back, in both stores alike.
        /// </summary>
        [RedisFact]
        public void TheRedisStoreHoldsAndFreesTheRoutesProbeClaimAsTheFileLedgerDoes() => PlayOnBothStores(
            Limits(new QuotaLimits { RequestsPerMinute = 3, InputTokensPerMinute = 1000 }),
            (0, 300, null, false), (1, 100, 90, false), (118, 100, 90, false), (2, 100, 90, false), (0, 100, null, true),
            (0.5, 100, null, false), (1, 100, null, false));

        private void PlayOnBothStores(RouteLimits limits, params (double AdvanceSec, long Tokens, long? Settle, bool Release)[] steps)
        {
            var file = new FileLedgerStore(Path.Combine(_state, "ledger.json"), limits, _server, new WarningLog(_ => { }));
            var redis = Store(limits);
            var granted = 0;
            var probing = 0;
            foreach (var (advance, tokens, settle, release) in steps)
            {
                _server.Advance(TimeSpan.FromSeconds(advance));
                var fromFile = Reserve(file, tokens, out var fileBlockage);
                var fromRedis = Reserve(redis, tokens, out var redisBlockage);
                Assert.Equal(fromFile == null, fromRedis == null);
                Assert.Equal(fileBlockage?.Reason, redisBlockage?.Reason);
                Assert.Equal(fileBlockage?.Until, redisBlockage?.Until);
                Assert.Equal(fileBlockage?.Probing, redisBlockage?.Probing);
                if (fileBlockage?.Probing == true) probing++;
                if (fromFile == null) continue;
                granted++;
                Assert.Equal(fromFile.Probe, fromRedis!.Probe);
                if (settle != null)
                {
                    file.Settle(fromFile, settle.Value);
                    redis.Settle(fromRedis, settle.Value);
                }
                if (release)
                {
                    file.Release(fromFile, null);
                    redis.Release(fromRedis, null);
                }
            }
            var a = Usage(file);
            var b = Usage(redis);
            Assert.Equal((a.DayRequests, a.DayTokens, a.Minute.Sum(m => m.Requests), a.Minute.Sum(m => m.Tokens), a.ProbeUntil),
                (b.DayRequests, b.DayTokens, b.Minute.Sum(m => m.Requests), b.Minute.Sum(m => m.Tokens), b.ProbeUntil));
            Assert.InRange(granted, 1, steps.Length - 1);
            if (limits.Firm(Flash, new RouteUsage()).RequestsPerDay == null) Assert.InRange(probing, 1, steps.Length);
        }

        [Fact]
        public void AnAnsweredRequestInTheFileLedgerCountsFromItsAnswer() =>
            NextSlotFreesAMinuteAfterTheAnswer(new FileLedgerStore(Path.Combine(_state, "ledger.json"), Confirmed(new QuotaLimits { RequestsPerMinute = 1 }), _server, new WarningLog(_ => { })));

        [RedisFact]
        public void AnAnsweredRequestOnRedisCountsFromItsAnswerOnTheServersClock() =>
            NextSlotFreesAMinuteAfterTheAnswer(Store(Confirmed(new QuotaLimits { RequestsPerMinute = 1 })));

        /// <summary>
        /// The server counts a request when it arrives, between reserve and answer: counted from its answer, a slot the window
        /// frees is one the server has freed too. Reserved at 18:00:00, answered 20 s later: the next request waits for 18:01:21
        /// (the answer's second plus the window and the bucket's own second), not for 18:01:01.
        /// </summary>
        private void NextSlotFreesAMinuteAfterTheAnswer(ILedgerStore store)
        {
            var reserved = Reserve(store, 100, out _);
            _server.Advance(TimeSpan.FromSeconds(20));
            var answered = _server.GetUtcNow();
            store.Settle(reserved!, 90);

            Assert.Null(Reserve(store, 100, out var blockage));
            Assert.Equal(answered + TimeSpan.FromSeconds(61), blockage!.Until);
            Assert.Equal((1, 90L), (Usage(store).Minute.Sum(b => b.Requests), Usage(store).Minute.Sum(b => b.Tokens)));
            _server.Advance(TimeSpan.FromSeconds(45));
            Assert.Null(Reserve(store, 100, out _));
            _server.Advance(blockage.Until - _server.GetUtcNow());
            Assert.NotNull(Reserve(store, 100, out _));
        }

        /// <summary>A probe claim taken on one machine holds the route on another until its answer, or until it expires.</summary>
        [RedisFact]
        public void AProbeClaimHeldByOneMachineIsHonouredByAnotherUntilItsAnswerOrItsExpiry()
        {
            var endpoint = "http://redis-probe-" + Guid.NewGuid().ToString("N") + ".invalid";
            var limits = Limits(new QuotaLimits { RequestsPerMinute = 10 });
            var one = Store(limits, endpoint: endpoint);
            var other = Store(limits, endpoint: endpoint);

            var probe = Reserve(one, 10, out _);
            Assert.True(probe!.Probe);
            Assert.Null(Reserve(other, 10, out var held));
            Assert.True(held!.Probing);
            Assert.Equal(EngineMessages.FindingOutLimits, held.Reason);

            one.Settle(probe, 10);
            var next = Reserve(other, 10, out _);
            Assert.NotNull(next);

            // The machine holding the claim dies: its claim lasts ReservePass.ProbeLife, then the route is probed again.
            Assert.Null(Reserve(one, 10, out _));
            _server.Advance(ReservePass.ProbeLife - TimeSpan.FromSeconds(1));
            Assert.Null(Reserve(one, 10, out _));
            _server.Advance(TimeSpan.FromSeconds(1));
            Assert.NotNull(Reserve(one, 10, out _));
        }

        [RedisTheory]
        [InlineData(30)]
        [InlineData(90)]
        public void TwoEnginesWhoseClocksDifferStillShareOneMinuteBecauseOnlyTheServersClockCounts(int skewSeconds)
        {
            var endpoint = "http://redis-skew-" + Guid.NewGuid().ToString("N") + ".invalid";
            var limits = Confirmed(new QuotaLimits { RequestsPerMinute = 3 });
            var behind = new FakeTimeProvider(DateTimeOffset.UtcNow);
            var ahead = new FakeTimeProvider(DateTimeOffset.UtcNow + TimeSpan.FromSeconds(skewSeconds));
            var one = Store(limits, behind, endpoint, serverTime: true);
            var other = Store(limits, ahead, endpoint, serverTime: true);

            var granted = 0;
            for (var i = 0; i < 4; i++)
            {
                if (Reserve(one, 1, out _) != null) granted++;
                if (Reserve(other, 1, out var blockage) != null) granted++;
                else Assert.InRange(blockage!.Until - ahead.GetUtcNow(), TimeSpan.FromSeconds(55), TimeSpan.FromSeconds(62));
            }

            Assert.Equal(3, granted);
        }

        public void Dispose()
        {
            if (Directory.Exists(_state)) Directory.Delete(_state, recursive: true);
        }
    }
}
