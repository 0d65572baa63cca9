using System;

namespace InterviewTools.FakeGemini;

/// <summary>Gemini's daily quotas roll over at 00:00 America/Los_Angeles, whatever the DST offset.</summary>
public static class PacificDay
{
    public static TimeZoneInfo Zone { get; } = TimeZoneInfo.FindSystemTimeZoneById("America/Los_Angeles");

    public static DateOnly DateOf(DateTimeOffset instant) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Zone).DateTime);

    public static DateTimeOffset NextReset(DateTimeOffset instant)
    {
        var nextMidnight = DateOf(instant).AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(nextMidnight, Zone), TimeSpan.Zero);
    }
}
