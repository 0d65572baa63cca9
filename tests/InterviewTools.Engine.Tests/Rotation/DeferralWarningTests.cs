using System;
using System.Threading;
using System.Threading.Tasks;
using InterviewTools.Engine.Rotation;
using Xunit;

namespace InterviewTools.Engine.Tests.Rotation
{
    /// <summary>The run's one deferral warning says who set the limit: an assumption for a project of unknown tier, the server otherwise.</summary>
    public sealed class DeferralWarningTests : LedgerFixture
    {
        public DeferralWarningTests() : base("AIzaSy-DEFERRAL-WARNING-KEY")
        {
        }

        [Fact]
        public void AProjectOfUnknownTierIsNeverSaidToBeExhaustedByTheServer()
        {
            var planner = Planner(Store(new RouteLimits()), new[] { Flash });

            var warning = DeferredUntilMidnight(planner);

            Assert.DoesNotContain("exhausted", warning);
            Assert.Contains("assumed free-tier limits", warning);
            Assert.Contains("tier of 1 project(s) is not known yet", warning);
            Assert.Contains("builtInLimits: false", warning);
        }

        [Fact]
        public async Task AFreeProjectTheServerRefusedForTheDayIsExhausted()
        {
            var planner = Planner(Store(new RouteLimits()), new[] { Flash });
            using (var lease = await planner.AcquireAsync(100, Array.Empty<string>(), _ => { }, CancellationToken.None))
            {
                lease.Fail(new RotationVerdict(RotationAction.ExhaustedToday, "429 RESOURCE_EXHAUSTED") { QuotaId = "GenerateRequestsPerDayPerProjectPerModel-FreeTier" });
            }

            var warning = DeferredUntilMidnight(planner);

            Assert.Contains("exhausted for today", warning);
            Assert.DoesNotContain("assumed", warning);
        }

        private string DeferredUntilMidnight(RoutePlanner planner)
        {
            var tally = new DeferralTally();
            tally.Add(new PostSummary { Status = PostSummaryStatus.Deferred, RetryAt = PacificTime.NextMidnight(Clock.GetUtcNow()) });
            return tally.Describe(planner, Clock.GetUtcNow())!;
        }
    }
}
