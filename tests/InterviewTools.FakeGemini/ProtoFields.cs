using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;

namespace InterviewTools.FakeGemini;

/// <summary>Proto3 JSON field lookup: the parser accepts both the lowerCamel json_name and the snake_case proto name.</summary>
internal static class ProtoFields
{
    public static string SnakeCase(string camel)
    {
        var snake = new StringBuilder(camel.Length + 4);
        foreach (char c in camel)
        {
            if (char.IsUpper(c))
            {
                snake.Append('_').Append(char.ToLowerInvariant(c));
            }
            else
            {
                snake.Append(c);
            }
        }

        return snake.ToString();
    }

    public static bool TryGet(JsonElement message, string camelName, out JsonElement value)
    {
        value = default;
        if (message.ValueKind != JsonValueKind.Object)
        {
            return false;
        }

        if (message.TryGetProperty(camelName, out value) || message.TryGetProperty(SnakeCase(camelName), out value))
        {
            return value.ValueKind != JsonValueKind.Null;
        }

        return false;
    }

    public static string? GetString(JsonElement message, string camelName) =>
        TryGet(message, camelName, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    public static int? GetInt(JsonElement message, string camelName) =>
        TryGet(message, camelName, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out int number)
            ? number
            : null;

    public static bool GetBool(JsonElement message, string camelName) =>
        TryGet(message, camelName, out var value) && value.ValueKind == JsonValueKind.True;

    public static IEnumerable<JsonElement> GetArray(JsonElement message, string camelName) =>
        TryGet(message, camelName, out var value) && value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray()
            : [];
}
