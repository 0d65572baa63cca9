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
    /// <summary>A request larger than a route's known input-tokens-per-minute limit is never sent there, and cools nothing down.</summary>
    public sealed class OversizedPostTests : LedgerFixture
    {
        private const string Lite = "gemini-2.5-flash-lite";
        public OversizedPostTests() : base("AIzaSy-OVERSIZE-TEST-KEY-01")
        {
        }

        [Fact]
        public async Task APostOverEveryRoutesConfiguredLimitIsRefusedAtOnceWithTheCountAndTheLimit()
        {
            var planner = Planner(new[] { Flash }, configuredTpm: 1_000);

            using var lease = await planner.AcquireAsync(5_000, new HashSet<string>(), _ => { }, CancellationToken.None);

            Assert.Equal(LeaseState.Exhausted, lease.State);
            Assert.True(lease.Deferral!.Never);
            Assert.Contains("5,000 input tokens exceed the input-tokens-per-minute limit of gemini-2.5-flash (1,000, configured)", lease.Deferral.Reason);
            Assert.Contains("no model in the chain can take this post now", lease.Deferral.Reason);
            var usage = planner.Snapshot().Routes[RouteUsage.KeyOf("p", Flash)];
            Assert.Equal((0, (DateTimeOffset?)null), (usage.DayRequests, usage.CoolingUntil));
        }

        [Fact]
        public async Task APostOverTheServersLimitOfOneModelGoesToTheNextWithoutCoolingTheFirst()
        {
            var planner = Planner(new[] { Flash, Lite }, configuredTpm: null);
            using (var learn = await planner.AcquireAsync(10, new HashSet<string>(), _ => { }, CancellationToken.None))
            {
                Assert.Equal(Flash, learn.Route.Model);
                learn.Fail(new RotationVerdict(RotationAction.CoolDown, "429 tokens") { Learned = new QuotaLimits { InputTokensPerMinute = 250_000 }, QuotaId = "GenerateContentInputTokensPerModelPerMinute-FreeTier" });
            }
            Clock.Advance(TimeSpan.FromMinutes(2));

            using var lease = await planner.AcquireAsync(948_000, new HashSet<string>(), _ => { }, CancellationToken.None);

            Assert.Equal((LeaseState.Granted, Lite), (lease.State, lease.Route.Model));
            Assert.Null(planner.Snapshot().Routes[RouteUsage.KeyOf("p", Flash)].CoolingUntil);
        }

        [Fact]
        public async Task OnceTheProjectIsKnownFreeTheTablesTokenLimitIsTrustedAndAPostOverItIsNeverSent()
        {
            var planner = Planner(Store(new RouteLimits()), new[] { Flash });
            using (var lease = await planner.AcquireAsync(300_000, new HashSet<string>(), _ => { }, CancellationToken.None))
            {
                // Unknown tier: the table's 250,000 is only assumed, so the post may be the one request that finds out.
                Assert.Equal(LeaseState.Granted, lease.State);
                lease.Fail(new RotationVerdict(RotationAction.CoolDown, "429 requests") { Learned = new QuotaLimits { RequestsPerMinute = 5 }, QuotaId = "GenerateRequestsPerMinutePerProjectPerModel-FreeTier" });
            }
            Clock.Advance(TimeSpan.FromMinutes(2));

            using var refused = await planner.AcquireAsync(300_000, new HashSet<string>(), _ => { }, CancellationToken.None);

            Assert.True(refused.Deferral!.Never);
            Assert.Contains("(250,000, free tier, built-in table)", refused.Deferral.Reason);
        }

        private RoutePlanner Planner(string[] chain, long? configuredTpm)
        {
            var configured = new Dictionary<string, QuotaLimits>(StringComparer.OrdinalIgnoreCase);
            if (configuredTpm != null) configured[Flash] = new QuotaLimits { InputTokensPerMinute = configuredTpm };
            return Planner(Store(new RouteLimits(configured, useBuiltInDefaults: false)), chain);
        }
    }
}
