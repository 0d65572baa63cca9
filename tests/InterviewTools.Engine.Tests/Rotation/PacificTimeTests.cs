using System;
using System.Runtime.InteropServices;
using InterviewTools.Engine.Rotation;
using Xunit;

namespace InterviewTools.Engine.Tests.Rotation
{
    public sealed class PacificTimeTests
    {
        [Theory]
        [InlineData("2026-11-23T12:00:00Z", "2026-11-24T08:00:00Z", "2026-11-23")]
        [InlineData("2026-11-24T07:59:59Z", "2026-11-24T08:00:00Z", "2026-11-23")]
        [InlineData("2026-11-24T08:00:00Z", "2026-11-25T08:00:00Z", "2026-11-24")]
        [InlineData("2026-07-01T06:59:00Z", "2026-07-01T07:00:00Z", "2026-06-30")]
        [InlineData("2026-03-08T07:30:00Z", "2026-03-08T08:00:00Z", "2026-03-07")]
        [InlineData("2026-03-08T10:00:00Z", "2026-03-09T07:00:00Z", "2026-03-08")]
        [InlineData("2026-11-01T06:30:00Z", "2026-11-01T07:00:00Z", "2026-10-31")]
        [InlineData("2026-11-01T12:00:00Z", "2026-11-02T08:00:00Z", "2026-11-01")]
        public void TheQuotaDayEndsAtMidnightInLosAngelesAcrossDaylightSaving(string now, string reset, string day)
        {
            var instant = DateTimeOffset.Parse(now);

            Assert.Equal(DateTimeOffset.Parse(reset), PacificTime.NextMidnight(instant));
            Assert.Equal(day, PacificTime.DayOf(instant));
        }

        [Theory]
        [InlineData("2026-03-08T07:30:00Z", "2026-03-08T08:00:00Z")]
        [InlineData("2026-03-08T10:00:00Z", "2026-03-09T07:00:00Z")]
        [InlineData("2026-11-01T06:30:00Z", "2026-11-01T07:00:00Z")]
        [InlineData("2026-11-01T12:00:00Z", "2026-11-02T08:00:00Z")]
        public void TheWindowsZoneIdThatWindowsPowerShellFindsGivesTheSameMidnights(string now, string reset)
        {
            // .NET Framework knows only the ids of its platform (Windows ids on Windows, IANA ids under Mono on Unix); .NET knows both.
            var known = 0;
            foreach (var id in PacificTime.ZoneIds)
            {
                TimeZoneInfo zone;
                try
                {
                    zone = TimeZoneInfo.FindSystemTimeZoneById(id);
                }
                catch (TimeZoneNotFoundException) when (RuntimeInformation.FrameworkDescription.StartsWith(".NET Framework") || RuntimeInformation.FrameworkDescription.StartsWith("Mono"))
                {
                    continue;
                }
                known++;
                Assert.Equal(DateTimeOffset.Parse(reset), PacificTime.NextMidnight(DateTimeOffset.Parse(now), zone));
            }
            Assert.True(known > 0, "No Pacific zone id is known to this runtime.");
        }

        [Fact]
        public void TheDayThatSpringsForwardHas23HoursAndTheOneThatFallsBackHas25()
        {
            var spring = PacificTime.NextMidnight(DateTimeOffset.Parse("2026-03-08T07:30:00Z"));
            var fall = PacificTime.NextMidnight(DateTimeOffset.Parse("2026-11-01T06:30:00Z"));

            Assert.Equal(TimeSpan.FromHours(23), PacificTime.NextMidnight(spring) - spring);
            Assert.Equal(TimeSpan.FromHours(25), PacificTime.NextMidnight(fall) - fall);
        }
    }
}
