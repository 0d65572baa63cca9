using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace InterviewTools.FakeGemini;

/// <summary>Serialisation in Google's style: CJK and quotes-in-text unescaped, 2-space pretty print, LF newlines.</summary>
internal static class WireJson
{
    public static readonly JsonSerializerOptions Pretty = new()
    {
        WriteIndented = true,
        IndentSize = 2,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static readonly JsonSerializerOptions Compact = new()
    {
        WriteIndented = false,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Error bodies and unary responses: pretty-printed plus a trailing newline.</summary>
    public static string PrettyBody(JsonNode node) => node.ToJsonString(Pretty) + "\n";

    public static string CompactText(JsonNode? node) => node is null ? "null" : node.ToJsonString(Compact);

    /// <summary>proto3 JSON: int64 values are strings.</summary>
    public static JsonNode Int64(long value) => JsonValue.Create(value.ToString(System.Globalization.CultureInfo.InvariantCulture));
}
