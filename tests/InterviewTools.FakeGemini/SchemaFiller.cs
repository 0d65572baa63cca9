using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace InterviewTools.FakeGemini;

/// <summary>Builds a JSON value that conforms to a responseSchema (upper-case OpenAPI subset) or responseJsonSchema, filled from the post text.</summary>
public static partial class SchemaFiller
{
    public const int MaxStringLength = 60;
    public const int MaxArrayStrings = 3;

    public static JsonNode? Fill(JsonElement schema, string postText)
    {
        return FillNode(schema, schema, Post.From(postText), depth: 0);
    }

    /// <summary>First non-empty line, trimmed to at most 60 characters.</summary>
    public static string FirstLine(string postText) => Post.From(postText).FirstLine;

    /// <summary>The first 60 characters of the post, trimmed; the schema-less answer.</summary>
    public static string Head(string postText) => Clip(postText.Trim());

    private static JsonNode? FillNode(JsonElement schema, JsonElement root, Post post, int depth)
    {
        if (depth > 16 || schema.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        if (TryResolveRef(schema, root, out var target))
        {
            return FillNode(target, root, post, depth + 1);
        }

        if (schema.TryGetProperty("const", out var constant))
        {
            return JsonNode.Parse(constant.GetRawText());
        }

        if (schema.TryGetProperty("enum", out var values) && values.ValueKind == JsonValueKind.Array && values.GetArrayLength() > 0)
        {
            return JsonNode.Parse(values[0].GetRawText());
        }

        foreach (var alternatives in new[] { "anyOf", "oneOf", "any_of" })
        {
            if (schema.TryGetProperty(alternatives, out var options) && options.ValueKind == JsonValueKind.Array && options.GetArrayLength() > 0)
            {
                return FillNode(options[0], root, post, depth + 1);
            }
        }

        return TypeOf(schema) switch
        {
            "object" => FillObject(schema, root, post, depth),
            "array" => FillArray(schema, root, post, depth),
            "string" => JsonValue.Create(post.FirstLine),
            "integer" => JsonValue.Create(AtLeastMinimum(schema, 1)),
            "number" => JsonValue.Create(AtLeastMinimum(schema, 1)),
            "boolean" => JsonValue.Create(true),
            _ => null,
        };
    }

    private static JsonObject FillObject(JsonElement schema, JsonElement root, Post post, int depth)
    {
        var result = new JsonObject();
        if (!schema.TryGetProperty("properties", out var properties) || properties.ValueKind != JsonValueKind.Object)
        {
            return result;
        }

        foreach (var name in OrderedPropertyNames(schema, properties))
        {
            if (properties.TryGetProperty(name, out var propertySchema))
            {
                result[name] = FillNode(propertySchema, root, post, depth + 1);
            }
        }

        return result;
    }

    private static IEnumerable<string> OrderedPropertyNames(JsonElement schema, JsonElement properties)
    {
        var names = new List<string>();
        if ((schema.TryGetProperty("propertyOrdering", out var ordering) || schema.TryGetProperty("property_ordering", out ordering))
            && ordering.ValueKind == JsonValueKind.Array)
        {
            names.AddRange(ordering.EnumerateArray().Where(n => n.ValueKind == JsonValueKind.String).Select(n => n.GetString()!));
        }

        names.AddRange(properties.EnumerateObject().Select(p => p.Name).Where(n => !names.Contains(n)));
        return names;
    }

    private static JsonArray FillArray(JsonElement schema, JsonElement root, Post post, int depth)
    {
        var result = new JsonArray();
        if (!schema.TryGetProperty("items", out var items))
        {
            return result;
        }

        var itemSchema = TryResolveRef(items, root, out var resolved) ? resolved : items;
        if (TypeOf(itemSchema) == "string" && !itemSchema.TryGetProperty("enum", out _))
        {
            foreach (var line in post.Items.Take(MaxArrayStrings))
            {
                result.Add(JsonValue.Create(line));
            }

            return result;
        }

        result.Add(FillNode(items, root, post, depth + 1));
        return result;
    }

    private static string? TypeOf(JsonElement schema)
    {
        if (!schema.TryGetProperty("type", out var type))
        {
            return schema.TryGetProperty("properties", out _) ? "object" : null;
        }

        if (type.ValueKind == JsonValueKind.Array)
        {
            // JSON Schema unions such as ["string", "null"]: take the first non-null type.
            var first = type.EnumerateArray()
                .Where(t => t.ValueKind == JsonValueKind.String && t.GetString() is not ("null" or "NULL"))
                .Select(t => t.GetString())
                .FirstOrDefault();
            return first?.ToLowerInvariant();
        }

        return type.ValueKind == JsonValueKind.String ? type.GetString()!.ToLowerInvariant() : null;
    }

    private static bool TryResolveRef(JsonElement schema, JsonElement root, out JsonElement target)
    {
        target = default;
        if (schema.ValueKind != JsonValueKind.Object
            || !schema.TryGetProperty("$ref", out var reference)
            || reference.GetString() is not { } pointer
            || !pointer.StartsWith("#/", StringComparison.Ordinal))
        {
            return false;
        }

        var current = root;
        foreach (var segment in pointer[2..].Split('/'))
        {
            var name = segment.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(name, out current))
            {
                return false;
            }
        }

        target = current;
        return true;
    }

    private static long AtLeastMinimum(JsonElement schema, long fallback)
    {
        if (schema.TryGetProperty("minimum", out var minimum))
        {
            double value = minimum.ValueKind == JsonValueKind.String
                ? double.Parse(minimum.GetString()!, CultureInfo.InvariantCulture)
                : minimum.GetDouble();
            return Math.Max(fallback, (long)Math.Ceiling(value));
        }

        return fallback;
    }

    private sealed record Post(string FirstLine, List<string> Items)
    {
        public static Post From(string text)
        {
            var lines = text.Split('\n').Select(line => line.Trim()).Where(line => line.Length > 0).ToList();
            var items = lines
                .Select(line => Clip(ListMarker().Replace(line, string.Empty).Trim()))
                .Where(item => item.Length > 0)
                .ToList();
            return new Post(lines.Count == 0 ? string.Empty : Clip(lines[0]), items);
        }
    }

    private static string Clip(string text)
    {
        if (text.Length <= MaxStringLength)
        {
            return text;
        }

        int end = MaxStringLength;
        if (char.IsHighSurrogate(text[end - 1]))
        {
            end--;
        }

        return text[..end].TrimEnd();
    }

    [GeneratedRegex(@"^(?:\d+\s*[.)、:：]|[-*•·]|（\d+）|\(\d+\))\s*")]
    private static partial Regex ListMarker();
}
