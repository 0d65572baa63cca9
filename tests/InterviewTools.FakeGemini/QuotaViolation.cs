using System.Text.Json.Nodes;

namespace InterviewTools.FakeGemini;

public enum QuotaKind
{
    RequestsPerDay,
    RequestsPerMinute,
    InputTokensPerMinute,
}

/// <summary>One exceeded limit; metric and quotaId follow the free-tier names of §9.4.</summary>
public sealed record QuotaViolation(QuotaKind Kind, string Model, long Limit)
{
    public const string RequestsMetric = "generativelanguage.googleapis.com/generate_content_free_tier_requests";
    public const string InputTokensMetric = "generativelanguage.googleapis.com/generate_content_free_tier_input_token_count";

    public string Metric => Kind == QuotaKind.InputTokensPerMinute ? InputTokensMetric : RequestsMetric;

    public string QuotaId => Kind switch
    {
        QuotaKind.RequestsPerDay => "GenerateRequestsPerDayPerProjectPerModel-FreeTier",
        QuotaKind.RequestsPerMinute => "GenerateRequestsPerMinutePerProjectPerModel-FreeTier",
        _ => "GenerateContentInputTokensPerModelPerMinute-FreeTier",
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
