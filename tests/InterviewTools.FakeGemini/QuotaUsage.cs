using System;

namespace InterviewTools.FakeGemini;

/// <summary>Accepted usage of one (project, model) at the moment of the snapshot.</summary>
public sealed record QuotaUsage(
    int RequestsLastMinute,
    long InputTokensLastMinute,
    int RequestsToday,
    long InputTokensToday,
    DateOnly PacificDate,
    DateTimeOffset DailyResetAt);
