using System.Text.Json.Nodes;

namespace InterviewTools.FakeGemini;

public enum QuotaKind
{
    RequestsPerDay,
    RequestsPerMinute,
    InputTokensPerMinute,
}

/// <summary>One exceeded limit; metric and quotaId follow the free-tier or paid-tier names of §9.4.</summary>
public sealed record QuotaViolation(QuotaKind Kind, string Model, long Limit, ProjectTier Tier = ProjectTier.Free)
{
    public const string RequestsMetric = "generativelanguage.googleapis.com/generate_content_free_tier_requests";
    public const string InputTokensMetric = "generativelanguage.googleapis.com/generate_content_free_tier_input_token_count";
    public const string PaidRequestsPerMinuteMetric = "generativelanguage.googleapis.com/generate_requests_per_model";
    public const string PaidRequestsPerDayMetric = "generativelanguage.googleapis.com/generate_requests_per_model_per_day";
    public const string PaidInputTokensMetric = "generativelanguage.googleapis.com/generate_content_paid_tier_input_token_count";

    public string Metric => (Tier, Kind) switch
    {
        (ProjectTier.Free, QuotaKind.InputTokensPerMinute) => InputTokensMetric,
        (ProjectTier.Free, _) => RequestsMetric,
        (_, QuotaKind.RequestsPerDay) => PaidRequestsPerDayMetric,
        (_, QuotaKind.RequestsPerMinute) => PaidRequestsPerMinuteMetric,
        _ => PaidInputTokensMetric,
    };

    public string QuotaId => (Tier, Kind) switch
    {
        (ProjectTier.Free, QuotaKind.RequestsPerDay) => "GenerateRequestsPerDayPerProjectPerModel-FreeTier",
        (ProjectTier.Free, QuotaKind.RequestsPerMinute) => "GenerateRequestsPerMinutePerProjectPerModel-FreeTier",
        (ProjectTier.Free, _) => "GenerateContentInputTokensPerModelPerMinute-FreeTier",
        (_, QuotaKind.RequestsPerDay) => "GenerateRequestsPerDayPerProjectPerModel",
        (_, QuotaKind.RequestsPerMinute) => "GenerateRequestsPerMinutePerProjectPerModel",
        _ => "GenerateContentPaidTierInputTokensPerModelPerMinute",
    };

    internal JsonObject ToJson()
    {
        var json = new JsonObject
        {
            ["quotaMetric"] = Metric,
            ["quotaId"] = QuotaId,
            ["quotaDimensions"] = new JsonObject { ["location"] = "global", ["model"] = Model },
        };
        if (Limit != 0)
        {
            json["quotaValue"] = WireJson.Int64(Limit);
        }

        return json;
    }
}
