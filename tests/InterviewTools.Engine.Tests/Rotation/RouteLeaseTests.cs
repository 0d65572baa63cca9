using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using InterviewTools.Engine.Common;
using InterviewTools.Engine.Rotation;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace InterviewTools.Engine.Tests.Rotation
{
    /// <summary>A lease is the whole life of one reservation: granted, then settled, failed or given back by disposing it.</summary>
    public sealed class RouteLeaseTests : LedgerFixture
    {
        private readonly FileLedgerStore _store;
        private readonly RoutePlanner _planner;

        public RouteLeaseTests() : base("AIzaSy-LEASE-TEST-KEY-0001")
        {
            var limits = new RouteLimits(new Dictionary<string, QuotaLimits>(StringComparer.OrdinalIgnoreCase)
            {
                [Flash] = new QuotaLimits { RequestsPerMinute = 2, RequestsPerDay = 2 },
            }, useBuiltInDefaults: false);
            _store = Store(limits);
            _planner = Planner(_store, new[] { Flash });
        }

        [Fact]
        public async Task ASettledLeaseKeepsItsRequestCountedWithTheServersTokens()
        {
            using (var lease = await Acquire(tokens: 100))
            {
                Assert.Equal(LeaseState.Granted, lease.State);
                lease.Settle(countedTokens: 42);
            }

            var usage = Usage();
            Assert.Equal(1, usage.DayRequests);
            Assert.Equal(42, usage.DayTokens);
        }

        [Fact]
        public async Task ALeaseDisposedUnsettledGivesItsRequestBack()
        {
            using (var lease = await Acquire(tokens: 100)) Assert.True(lease.IsGranted);

            Assert.Equal(0, Usage().DayRequests);
            Assert.Null(Usage().LastError);
        }

        [Fact]
        public async Task AFailedLeaseGivesItsRequestBackAndTheVerdictMarksTheRoute()
        {
            using (var lease = await Acquire(tokens: 100)) lease.Fail(new RotationVerdict(RotationAction.CoolDown, "429 per minute") { CoolDown = TimeSpan.FromSeconds(30) });

            var usage = Usage();
            Assert.Equal(0, usage.DayRequests);
            Assert.Equal("429 per minute", usage.LastError);
            Assert.Equal(Clock.GetUtcNow() + TimeSpan.FromSeconds(30), usage.CoolingUntil);
        }

        [Fact]
        public async Task ALeaseEndsOnceAndSettlingItTwiceIsABug()
        {
            var lease = await Acquire(tokens: 10);
            lease.Settle(10);
            lease.Dispose();

            Assert.Throws<InvalidOperationException>(() => lease.Settle(10));
            Assert.Equal(1, Usage().DayRequests);
        }

        [Fact]
        public async Task WhenTheDayIsFullTheLeaseIsDeferredToWhenQuotaReturns()
        {
            for (var i = 0; i < 2; i++)
            {
                using var lease = await Acquire(tokens: 1);
                lease.Settle(1);
            }

            using var deferred = await Acquire(tokens: 1);

            Assert.Equal(LeaseState.Deferred, deferred.State);
            Assert.Equal(PacificTime.NextMidnight(Clock.GetUtcNow()), deferred.Deferral!.Until);
            Assert.Throws<InvalidOperationException>(() => deferred.Route);
        }

        [Fact]
        public async Task WithEveryModelExcludedTheLeaseIsExhausted()
        {
            using var lease = await _planner.AcquireAsync(1, new HashSet<string>(StringComparer.OrdinalIgnoreCase) { Flash }, _ => { }, CancellationToken.None);

            Assert.Equal(LeaseState.Exhausted, lease.State);
        }

        private Task<RouteLease> Acquire(long tokens) => _planner.AcquireAsync(tokens, new HashSet<string>(), _ => { }, CancellationToken.None);

        private RouteUsage Usage() => _planner.Snapshot().Routes[RouteUsage.KeyOf("p", Flash)];
    }
}
