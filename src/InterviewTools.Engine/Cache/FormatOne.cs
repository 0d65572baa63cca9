using System;
using System.Globalization;
using System.Linq;
using System.Text.Json;

namespace InterviewTools.Engine.Cache
{
    /// <summary>
    /// Reads cache files of format 1, written before the record was stored whole: the key parts and provenance at the top, the
    /// notes under "content". A rerun keeps using them, so no summary the user already paid for is made again.
    /// </summary>
    internal static class FormatOne
    {
        public const int Number = 1;

        public static CacheEntry Read(JsonElement root)
        {
            var entry = new CacheEntry
            {
                Format = Number,
                PromptHash = Text(root, "promptHash") ?? string.Empty,
                SchemaVersion = root.TryGetProperty("schemaVersion", out var version) && version.ValueKind == JsonValueKind.Number ? version.GetInt32() : 0,
                Family = Text(root, "family") ?? string.Empty,
                CachedAt = Time(root, "cachedAt"),
            };
            if (!root.TryGetProperty("content", out var content) || content.ValueKind != JsonValueKind.Object) return entry;
            entry.Summary = new PostSummary
            {
                Source = Text(root, "source") ?? string.Empty,
                ContentHash = Text(root, "contentHash") ?? string.Empty,
                Title = Text(content, "title"),
                Summary = Text(content, "summary")!,
                Experiences = List(content, "experiences")!,
                Tips = List(content, "tips")!,
                Advice = List(content, "advice")!,
                Questions = List(content, "questions")!,
                Topics = List(content, "topics")!,
                Terms = List(content, "terms")!,
                Status = PostSummaryStatus.Succeeded,
                Provider = Text(root, "provider") is { } provider ? (PostSummaryProvider)Enum.Parse(typeof(PostSummaryProvider), provider, ignoreCase: true) : PostSummaryProvider.Gemini,
                Fallback = root.TryGetProperty("fallback", out var fallback) && fallback.ValueKind == JsonValueKind.True,
                Model = Text(root, "model") ?? string.Empty,
                KeyId = Text(root, "keyId") ?? string.Empty,
                Attempts = Number32(root, "attempts"),
                InputTokens = Number32(root, "inputTokens"),
                OutputTokens = Number32(root, "outputTokens"),
                Duration = Text(root, "duration") is { } duration ? TimeSpan.Parse(duration, CultureInfo.InvariantCulture) : TimeSpan.Zero,
                CompletedAt = Time(root, "completedAt"),
            };
            return entry;
        }

        private static string? Text(JsonElement element, string name) =>
            element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

        /// <summary>Null for a missing list, so the entry's defect check names it.</summary>
        private static string[]? List(JsonElement element, string name) =>
            element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array
                ? value.EnumerateArray().Select(item => item.GetString() ?? string.Empty).ToArray()
                : null;

        private static int Number32(JsonElement element, string name) =>
            element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetInt32() : 0;

        private static DateTimeOffset Time(JsonElement element, string name) =>
            element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetDateTimeOffset() : default;
    }
}
