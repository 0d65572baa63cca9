using System.Collections.Generic;
using System.Text.Json;

namespace InterviewTools.Engine.Posts
{
    /// <summary>
    /// Reads a Xiaohongshu note exported as JSON. Exporters differ: the note may sit at the root or inside
    /// <c>note_card</c> or <c>note</c>; <c>tag_list</c> (or <c>tags</c>) may be an array of strings, an array of
    /// <c>{"name": …}</c> objects, or one comma-separated string. Counters, user and image fields are ignored.
    /// </summary>
    internal static class XiaohongshuNoteJson
    {
        private static readonly string[] Wrappers = { "note_card", "note" };
        private static readonly string[] TagKeys = { "tag_list", "tags" };

        /// <summary>A cheap test before parsing: only text that starts with '{' can be a note.</summary>
        public static bool MayBeJson(string text)
        {
            foreach (var c in text)
            {
                if (char.IsWhiteSpace(c) || c == '\uFEFF') continue;
                return c == '{';
            }
            return false;
        }

        /// <param name="problem">Why the text is not a note, for a warning.</param>
        public static bool TryParse(string text, out NoteMetadata metadata, out string problem)
        {
            metadata = null!;
            problem = string.Empty;
            // Options built here, not in a static field: a plain-text post must not load System.Text.Json at all.
            var lenient = new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };
            try
            {
                using var document = JsonDocument.Parse(text.Trim().TrimStart('\uFEFF'), lenient);
                if (!TryFindNote(document.RootElement, out var note))
                {
                    problem = "it is JSON but has no note with a 'title' or 'desc' field";
                    return false;
                }
                var title = String(note, "title");
                var tags = new List<string>();
                foreach (var key in TagKeys)
                {
                    if (note.TryGetProperty(key, out var value)) AddTags(tags, value);
                }
                metadata = new NoteMetadata(string.IsNullOrWhiteSpace(title) ? null : title!.Trim(), tags, String(note, "desc") ?? string.Empty);
                return true;
            }
            catch (JsonException e)
            {
                problem = "it is not valid JSON (" + e.Message + ")";
                return false;
            }
        }

        private static bool TryFindNote(JsonElement root, out JsonElement note)
        {
            note = root;
            if (root.ValueKind != JsonValueKind.Object) return false;
            if (IsNote(root)) return true;
            foreach (var wrapper in Wrappers)
            {
                if (root.TryGetProperty(wrapper, out var inner) && inner.ValueKind == JsonValueKind.Object && IsNote(inner))
                {
                    note = inner;
                    return true;
                }
            }
            return false;
        }

        private static bool IsNote(JsonElement element) => String(element, "title") != null || String(element, "desc") != null;

        private static void AddTags(List<string> tags, JsonElement value)
        {
            switch (value.ValueKind)
            {
                case JsonValueKind.String:
                    NoteMetadata.AddTags(tags, value.GetString());
                    break;
                case JsonValueKind.Array:
                    foreach (var item in value.EnumerateArray())
                    {
                        if (item.ValueKind == JsonValueKind.String) NoteMetadata.AddTags(tags, item.GetString());
                        else if (item.ValueKind == JsonValueKind.Object) NoteMetadata.AddTags(tags, String(item, "name"));
                    }
                    break;
            }
        }

        private static string? String(JsonElement element, string name) =>
            element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
    }
}
