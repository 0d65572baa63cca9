using System.Collections.Generic;
using System.Text.Json.Nodes;

namespace InterviewTools.FakeGemini;

/// <summary>google.rpc detail objects (§7.1), in the field order Google writes them.</summary>
public static class ErrorDetails
{
    private const string TypePrefix = "type.googleapis.com/google.rpc.";

    public static JsonObject Help(string description, string url) => new()
    {
        ["@type"] = TypePrefix + "Help",
        ["links"] = new JsonArray(new JsonObject { ["description"] = description, ["url"] = url }),
    };

    public static JsonObject ErrorInfo(string reason, IReadOnlyDictionary<string, string> metadata, string domain = "googleapis.com")
    {
        var meta = new JsonObject();
        foreach (var pair in metadata)
        {
            meta[pair.Key] = pair.Value;
        }

        return new JsonObject
        {
            ["@type"] = TypePrefix + "ErrorInfo",
            ["reason"] = reason,
            ["domain"] = domain,
            ["metadata"] = meta,
        };
    }

    public static JsonObject LocalizedMessage(string message, string locale = "en-US") => new()
    {
        ["@type"] = TypePrefix + "LocalizedMessage",
        ["locale"] = locale,
        ["message"] = message,
    };

    public static JsonObject RetryInfo(string retryDelay) => new()
    {
        ["@type"] = TypePrefix + "RetryInfo",
        ["retryDelay"] = retryDelay,
    };

    public static JsonObject QuotaFailure(IEnumerable<QuotaViolation> violations)
    {
        var list = new JsonArray();
        foreach (var violation in violations)
        {
            list.Add(violation.ToJson());
        }

        return new JsonObject { ["@type"] = TypePrefix + "QuotaFailure", ["violations"] = list };
    }

    /// <summary>One fieldViolation per description; <paramref name="field"/> null leaves <c>field</c> out (top-level names).</summary>
    public static JsonObject BadRequest(IEnumerable<(string? Field, string Description)> violations)
    {
        var list = new JsonArray();
        foreach (var (field, description) in violations)
        {
            var item = new JsonObject();
            if (field is not null)
            {
                item["field"] = field;
            }

            item["description"] = description;
            list.Add(item);
        }

        return new JsonObject { ["@type"] = TypePrefix + "BadRequest", ["fieldViolations"] = list };
    }
}
