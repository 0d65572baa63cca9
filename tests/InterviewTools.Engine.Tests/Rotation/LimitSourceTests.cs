using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using InterviewTools.Engine.Common;
using InterviewTools.Engine.Rotation;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace InterviewTools.Engine.Tests.Rotation
{
    /// <summary>Every limit says where it comes from: the server (with its quotaId and date), the configuration, or an assumption.</summary>
    public sealed class LimitSourceTests : LedgerFixture
    {
        private const string Pro = "gemini-2.5-pro";
        private const string DailyQuotaId = "GenerateRequestsPerDayPerProjectPerModel-FreeTier";
        public LimitSourceTests() : base("AIzaSy-SOURCE-TEST-KEY-0001")
        {
        }

        [Fact]
        public void BeforeAny429TheBuiltInTableIsAssumedAndTheConfigurationIsConfigured()
        {
            var store = Store(new Dictionary<string, QuotaLimits>(StringComparer.OrdinalIgnoreCase) { [Pro] = new QuotaLimits { RequestsPerDay = 7 } });

            var rows = Report(store, Flash, Pro);

            var flash = rows.Single(r => r.Model == Flash);
            Assert.Equal((LimitSource.Assumed, LimitSource.Assumed), (flash.RequestsPerDayLimitSource, flash.RequestsPerMinuteLimitSource));
            Assert.Null(flash.LimitQuotaId);
            var pro = rows.Single(r => r.Model == Pro);
            Assert.Equal(LimitSource.Configured, pro.RequestsPerDayLimitSource);
            Assert.Equal(LimitSource.Unknown, pro.RequestsPerMinuteLimitSource);
        }

        [Fact]
        public async Task AServerLimitKeepsItsQuotaIdAndDateAcrossRunsAndStaysAssumedForOtherProjects()
        {
            var store = Store();
            var planner = Planner(store, new[] { Flash });
            using (var lease = await planner.AcquireAsync(1, new HashSet<string>(), _ => { }, CancellationToken.None))
            {
                lease.Fail(new RotationVerdict(RotationAction.ExhaustedToday, "20/20 today") { Learned = new QuotaLimits { RequestsPerDay = 20 }, QuotaId = DailyQuotaId });
            }
            Clock.Advance(TimeSpan.FromMinutes(5));

            var other = new PooledKey(ApiKey.FromPlainText("AIzaSy-SOURCE-TEST-KEY-0002"), "q", "test");
            var rows = QuotaReport.Build(Store().Snapshot(), new[] { Key, other }, new[] { Flash }, Store().Limits, Clock.GetUtcNow());

            var learned = rows.Single(r => r.Project == "p");
            Assert.Equal(LimitSource.Server, learned.RequestsPerDayLimitSource);
            Assert.Equal(LimitSource.Assumed, learned.RequestsPerMinuteLimitSource);
            Assert.Equal(DailyQuotaId, learned.LimitQuotaId);
            Assert.Equal(DateTimeOffset.Parse("2026-11-23T18:00:00Z").LocalDateTime, learned.LimitLearnedAt);
            var elsewhere = rows.Single(r => r.Project == "q");
            Assert.Equal((20, LimitSource.Assumed), (elsewhere.RequestsPerDayLimit, elsewhere.RequestsPerDayLimitSource));
            Assert.Null(elsewhere.LimitQuotaId);
        }

        [Fact]
        public void ALedgerWrittenBeforeSourcesWereKeptStillReadsAndItsLearnedLimitsAreTheServers()
        {
            Directory.CreateDirectory(State);
            File.WriteAllText(LedgerPath, "{\"Version\":1,\"Routes\":{\"p|" + Flash + "\":{\"Project\":\"p\",\"Model\":\"" + Flash
                + "\",\"Day\":\"2026-11-23\",\"DayRequests\":3,\"Learned\":{\"RequestsPerDay\":3}}}}");

            var row = Report(Store(), Flash).Single();

            Assert.Equal((3, LimitSource.Server), (row.RequestsPerDayLimit, row.RequestsPerDayLimitSource));
            Assert.Null(row.LimitLearnedAt);
        }

        private IReadOnlyList<QuotaStatus> Report(FileLedgerStore store, params string[] chain) =>
            QuotaReport.Build(store.Snapshot(), new[] { Key }, chain, store.Limits, Clock.GetUtcNow());

        private FileLedgerStore Store(Dictionary<string, QuotaLimits>? configured = null) =>
            Store(new RouteLimits(configured));
    }
}
