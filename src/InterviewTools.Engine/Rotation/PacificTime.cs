using System;
using System.Globalization;

namespace InterviewTools.Engine.Rotation
{
    /// <summary>Gemini's daily quotas reset at midnight in America/Los_Angeles, whatever the offset is that day.</summary>
    internal static class PacificTime
    {
        /// <summary>The IANA id on .NET Core and Unix; the Windows id where ICU is absent, as in Windows PowerShell 5.1.</summary>
        public static readonly System.Collections.Generic.IReadOnlyList<string> ZoneIds = new[] { "America/Los_Angeles", "Pacific Standard Time" };

        private static readonly Lazy<TimeZoneInfo> Zone = new Lazy<TimeZoneInfo>(FindZone);

        public static TimeZoneInfo TimeZone => Zone.Value;

        /// <summary>The quota day <paramref name="now"/> falls in, as yyyy-MM-dd of the Pacific calendar.</summary>
        public static string DayOf(DateTimeOffset now) =>
            TimeZoneInfo.ConvertTime(now, TimeZone).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        public static DateTimeOffset NextMidnight(DateTimeOffset now) => NextMidnight(now, TimeZone);

        public static DateTimeOffset NextMidnight(DateTimeOffset now, TimeZoneInfo zone)
        {
            var local = TimeZoneInfo.ConvertTime(now, zone);
            var midnight = local.Date.AddDays(1);
            return new DateTimeOffset(midnight, zone.GetUtcOffset(midnight));
        }

        /// <summary>
        /// The Pacific midnights from <paramref name="before"/> days before the day of <paramref name="now"/> to <paramref name="after"/>
        /// days after it, each with the day it starts: a table a server-side script can look its own clock up in, DST included.
        /// </summary>
        public static System.Collections.Generic.IReadOnlyList<(DateTimeOffset Start, string Day)> Midnights(DateTimeOffset now, int before, int after)
        {
            var zone = TimeZone;
            var today = TimeZoneInfo.ConvertTime(now, zone).Date;
            var table = new System.Collections.Generic.List<(DateTimeOffset, string)>();
            for (var d = -before; d <= after; d++)
            {
                var midnight = today.AddDays(d);
                table.Add((new DateTimeOffset(midnight, zone.GetUtcOffset(midnight)), midnight.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
            }
            return table;
        }

        private static TimeZoneInfo FindZone()
        {
            foreach (var id in ZoneIds)
            {
                try
                {
                    return TimeZoneInfo.FindSystemTimeZoneById(id);
                }
                catch (TimeZoneNotFoundException)
                {
                }
                catch (InvalidTimeZoneException)
                {
                }
            }
            return TimeZoneInfo.CreateCustomTimeZone("Pacific", TimeSpan.FromHours(-8), "Pacific", "PST", "PDT", new[]
            {
                TimeZoneInfo.AdjustmentRule.CreateAdjustmentRule(DateTime.MinValue.Date, DateTime.MaxValue.Date, TimeSpan.FromHours(1),
                    TimeZoneInfo.TransitionTime.CreateFloatingDateRule(new DateTime(1, 1, 1, 2, 0, 0), 3, 2, DayOfWeek.Sunday),
                    TimeZoneInfo.TransitionTime.CreateFloatingDateRule(new DateTime(1, 1, 1, 2, 0, 0), 11, 1, DayOfWeek.Sunday)),
            });
        }
    }
}
