using System;
using System.Globalization;
using System.Text.Json;

namespace InterviewTools.Engine.Cache
{
    /// <summary>
    /// Reads a cache file, of either format, from one parse of its JSON. The serializer's metadata for the record (23 properties,
    /// six value types, two enum converters) costs a fresh process hundreds of JIT-compiled methods before its first lookup, so
    /// the read side walks the document instead, with the serializer's rules: camel-case names, unknown names skipped, a value
    /// of the wrong kind a <see cref="JsonException"/>. Writing stays with <see cref="CacheJson"/>; a test holds the two together.
    /// </summary>
    internal static class CacheEntryReader
    {
        /// <summary>The entry, or null for a JSON null. Throws <see cref="JsonException"/> for anything that is not a cache entry's JSON.</summary>
        public static CacheEntry? Read(byte[] bytes)
        {
            using var document = JsonDocument.Parse(bytes);
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Null) return null;
            Expect(root, JsonValueKind.Object, "the file");
            var entry = new CacheEntry();
            foreach (var property in root.EnumerateObject())
            {
                var value = property.Value;
                switch (property.Name)
                {
                    case "format": entry.Format = Int(value, property.Name); break;
                    case "promptHash": entry.PromptHash = Text(value, property.Name)!; break;
                    case "schemaVersion": entry.SchemaVersion = Int(value, property.Name); break;
                    case "family": entry.Family = Text(value, property.Name)!; break;
                    case "cachedAt": entry.CachedAt = Time(value, property.Name); break;
                    case "summary": entry.Summary = value.ValueKind == JsonValueKind.Null ? null : Record(value); break;
                }
            }
            return entry.Format == FormatOne.Number ? FormatOne.Read(root) : entry;
        }

        private static PostSummary Record(JsonElement element)
        {
            Expect(element, JsonValueKind.Object, "summary");
            var record = new PostSummary();
            foreach (var property in element.EnumerateObject())
            {
                var value = property.Value;
                var name = property.Name;
                switch (name)
                {
                    case "source": record.Source = Text(value, name)!; break;
                    case "title": record.Title = Text(value, name); break;
                    case "summary": record.Summary = Text(value, name)!; break;
                    case "experiences": record.Experiences = List(value, name)!; break;
                    case "tips": record.Tips = List(value, name)!; break;
                    case "advice": record.Advice = List(value, name)!; break;
                    case "questions": record.Questions = List(value, name)!; break;
                    case "topics": record.Topics = List(value, name)!; break;
                    case "terms": record.Terms = List(value, name)!; break;
                    case "status": record.Status = Name<PostSummaryStatus>(value, name); break;
                    case "provider": record.Provider = Name<PostSummaryProvider>(value, name); break;
                    case "fallback": record.Fallback = Flag(value, name); break;
                    case "fromCache": record.FromCache = Flag(value, name); break;
                    case "error": record.Error = Text(value, name); break;
                    case "retryAt": record.RetryAt = value.ValueKind == JsonValueKind.Null ? (DateTimeOffset?)null : Time(value, name); break;
                    case "model": record.Model = Text(value, name)!; break;
                    case "keyId": record.KeyId = Text(value, name)!; break;
                    case "attempts": record.Attempts = Int(value, name); break;
                    case "switches": record.Switches = List(value, name)!; break;
                    case "inputTokens": record.InputTokens = Int(value, name); break;
                    case "outputTokens": record.OutputTokens = Int(value, name); break;
                    case "thinkingTokens": record.ThinkingTokens = Int(value, name); break;
                    case "cachedTokens": record.CachedTokens = Int(value, name); break;
                    case "cost": record.Cost = Money(value, name); break;
                    case "wouldCost": record.WouldCost = Money(value, name); break;
                    case "duration": record.Duration = Span(value, name); break;
                    case "contentHash": record.ContentHash = Text(value, name)!; break;
                    case "completedAt": record.CompletedAt = Time(value, name); break;
                }
            }
            return record;
        }

        /// <summary>A string, or null for a JSON null, as the serializer gives a string property; the entry's defect check judges nulls.</summary>
        private static string? Text(JsonElement value, string name)
        {
            if (value.ValueKind == JsonValueKind.Null) return null;
            Expect(value, JsonValueKind.String, name);
            return value.GetString();
        }

        private static string[]? List(JsonElement value, string name)
        {
            if (value.ValueKind == JsonValueKind.Null) return null;
            Expect(value, JsonValueKind.Array, name);
            var items = new string[value.GetArrayLength()];
            var index = 0;
            foreach (var item in value.EnumerateArray()) items[index++] = Text(item, name)!;
            return items;
        }

        private static int Int(JsonElement value, string name) =>
            value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) ? number : throw Wrong(name, "a 32-bit integer");

        private static decimal Money(JsonElement value, string name) =>
            value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out var number) ? number : throw Wrong(name, "a number");

        private static bool Flag(JsonElement value, string name) => value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw Wrong(name, "true or false"),
        };

        private static DateTimeOffset Time(JsonElement value, string name) =>
            value.ValueKind == JsonValueKind.String && value.TryGetDateTimeOffset(out var time) ? time : throw Wrong(name, "an ISO 8601 time");

        /// <summary>The serializer's TimeSpan form, the invariant "c" format (<c>[-][d.]hh:mm:ss[.fffffff]</c>).</summary>
        private static TimeSpan Span(JsonElement value, string name) =>
            value.ValueKind == JsonValueKind.String && TimeSpan.TryParseExact(value.GetString(), "c", CultureInfo.InvariantCulture, out var span) ? span : throw Wrong(name, "a duration");

        /// <summary>As the writer's JsonStringEnumConverter reads: a member's name in any case, or an integer value.</summary>
        private static TEnum Name<TEnum>(JsonElement value, string name) where TEnum : struct
        {
            if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number)) return (TEnum)Enum.ToObject(typeof(TEnum), number);
            var text = value.ValueKind == JsonValueKind.String ? value.GetString() : null;
            if (!string.IsNullOrEmpty(text) && !char.IsDigit(text![0]) && text[0] != '-' && text[0] != '+' && Enum.TryParse(text, ignoreCase: true, out TEnum member)) return member;
            throw Wrong(name, $"a name of {typeof(TEnum).Name}");
        }

        private static void Expect(JsonElement value, JsonValueKind kind, string name)
        {
            if (value.ValueKind != kind) throw Wrong(name, "a JSON " + kind.ToString().ToLowerInvariant());
        }

        private static JsonException Wrong(string name, string expected) => new JsonException($"'{name}' is not {expected}.");
    }
}
