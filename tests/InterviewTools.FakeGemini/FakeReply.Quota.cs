using System;
using System.Collections.Generic;
using System.Text;

namespace InterviewTools.FakeGemini;

/// <summary>429 RESOURCE_EXHAUSTED bodies laid out as §9.1/§9.2: Help, QuotaFailure, RetryInfo.</summary>
public sealed partial class FakeReply
{
    public const string QuotaPreamble = "You exceeded your current quota, please check your plan and billing details. For more information on this error, head to: https://ai.google.dev/gemini-api/docs/rate-limits. To monitor your current usage, head to: https://ai.dev/usage?tab=rate-limit. ";

    /// <summary>Without <paramref name="retryIn"/> this is byte for byte the reference body of §9.1 (delay 18.597309548s).</summary>
    public static FakeReply PerDayQuota(string model = "gemini-2.5-flash-lite", long limit = 20, TimeSpan? retryIn = null) =>
        SingleViolation(new QuotaViolation(QuotaKind.RequestsPerDay, model, limit), retryIn, "18.597309548s", "18s");

    public static FakeReply PerMinuteQuota(string model = "gemini-3.5-flash", long limit = 5, TimeSpan? retryIn = null) =>
        SingleViolation(new QuotaViolation(QuotaKind.RequestsPerMinute, model, limit), retryIn, "46.183954181s", "46s");

    public static FakeReply InputTokensPerMinuteQuota(string model = "gemini-2.5-flash", long limit = 250_000, TimeSpan? retryIn = null) =>
        SingleViolation(new QuotaViolation(QuotaKind.InputTokensPerMinute, model, limit), retryIn, "53.016283101s", "53s");

    public static FakeReply Quota(IReadOnlyList<QuotaViolation> violations, TimeSpan retryIn) =>
        Quota(violations, GoDuration.Format(retryIn), GoDuration.WholeSeconds(retryIn));

    private static FakeReply SingleViolation(QuotaViolation violation, TimeSpan? retryIn, string defaultPrecise, string defaultWhole) =>
        retryIn is { } delay ? Quota([violation], delay) : Quota([violation], defaultPrecise, defaultWhole);

    private static FakeReply Quota(IReadOnlyList<QuotaViolation> violations, string preciseDelay, string wholeSecondsDelay)
    {
        var message = new StringBuilder(QuotaPreamble);
        foreach (var violation in violations)
        {
            message.Append("\n* Quota exceeded for metric: ").Append(violation.Metric)
                .Append(", limit: ").Append(violation.Limit)
                .Append(", model: ").Append(violation.Model);
        }

        message.Append("\nPlease retry in ").Append(preciseDelay).Append('.');
        return Error(
            429,
            "RESOURCE_EXHAUSTED",
            message.ToString(),
            ErrorDetails.Help("Learn more about Gemini API quotas", "https://ai.google.dev/gemini-api/docs/rate-limits"),
            ErrorDetails.QuotaFailure(violations),
            ErrorDetails.RetryInfo(wholeSecondsDelay));
    }
}
