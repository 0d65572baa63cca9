using System;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;

namespace InterviewTools.FakeGemini;

/// <summary>The Model resource of §5.</summary>
internal static class ModelJson
{
    public static JsonObject For(FakeModel model)
    {
        var json = new JsonObject
        {
            ["name"] = model.Name,
            ["version"] = "001",
            ["displayName"] = model.DisplayName ?? DisplayNameOf(model.Id),
            ["description"] = $"Fake {DisplayNameOf(model.Id)} served by InterviewTools.FakeGemini.",
            ["inputTokenLimit"] = model.InputTokenLimit,
            ["outputTokenLimit"] = model.OutputTokenLimit,
            ["supportedGenerationMethods"] = new JsonArray("generateContent", "countTokens", "createCachedContent", "batchGenerateContent"),
            ["temperature"] = 1,
            ["topP"] = 0.95,
            ["topK"] = 64,
            ["maxTemperature"] = 2,
        };
        if (model.Thinking)
        {
            json["thinking"] = true;
        }

        return json;
    }

    private static string DisplayNameOf(string id) =>
        string.Join(' ', id.Split('-').Select(word => word.Length == 0 ? word : char.ToUpper(word[0], CultureInfo.InvariantCulture) + word[1..]));
}
