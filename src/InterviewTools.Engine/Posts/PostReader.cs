using System;
using System.Collections.Generic;
using System.IO;
using InterviewTools.Engine.Resources;

namespace InterviewTools.Engine.Posts
{
    /// <summary>
    /// Reads a post and decides its format: a JSON object with a note's title or desc is a Xiaohongshu export, text
    /// opening with a YAML front matter block (or any .md/.markdown file) is Markdown, everything else plain text.
    /// A .json or .md file whose content does not fit is read as plain text with a warning, so nothing is lost.
    /// </summary>
    internal static class PostReader
    {
        public const long MaxFileBytes = 16L * 1024 * 1024;

        public static PostDocument ReadFile(string path)
        {
            if (Directory.Exists(path))
            {
                throw new PostReadException(path, PostProblem.IsDirectory, Message.Format(EngineMessages.PostIsDirectory, path));
            }
            var file = new FileInfo(path);
            if (!file.Exists)
            {
                throw new PostReadException(path, PostProblem.NotFound, Message.Format(EngineMessages.PostNotFound, path));
            }
            if (file.Length > MaxFileBytes)
            {
                throw new PostReadException(path, PostProblem.TooLarge, Message.Format(EngineMessages.PostTooLarge, path, file.Length, MaxFileBytes));
            }
            byte[] bytes;
            try
            {
                bytes = File.ReadAllBytes(path);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                throw new PostReadException(path, PostProblem.Unreadable, Message.Format(EngineMessages.PostUnreadable, path, e.Message), e);
            }
            var decoded = TextDecoder.Decode(path, bytes);
            return FromText(path, decoded.Text, decoded.Warnings, file.Extension.ToLowerInvariant());
        }

        /// <summary>Reads text given directly; with no file name, the format is decided by content alone.</summary>
        public static PostDocument ReadText(string source, string text) => FromText(source, text, Array.Empty<string>(), string.Empty);

        private static PostDocument FromText(string source, string text, IReadOnlyList<string> decodingWarnings, string extension)
        {
            var warnings = new List<string>(decodingWarnings);
            var unified = text.Replace("\r\n", "\n").Replace('\r', '\n').TrimStart('\uFEFF');
            var namedJson = extension == ".json";
            var namedMarkdown = extension == ".md" || extension == ".markdown";

            if (namedJson || XiaohongshuNoteJson.MayBeJson(unified))
            {
                if (XiaohongshuNoteJson.TryParse(unified, out var note, out var problem)) return Structured(source, note, PostFormat.XiaohongshuJson, warnings);
                if (namedJson) warnings.Add($"'{source}' was read as plain text: {problem}.");
            }
            if (MarkdownFrontMatter.Starts(unified))
            {
                if (MarkdownFrontMatter.TryParse(unified, out var note, out var problem)) return Structured(source, note, PostFormat.Markdown, warnings);
                if (namedMarkdown) warnings.Add($"'{source}' was read without front matter: {problem}.");
            }
            if (namedMarkdown) return Structured(source, new NoteMetadata(null, Array.Empty<string>(), unified), PostFormat.Markdown, warnings);
            return PlainText(source, text, warnings);
        }

        private static PostDocument PlainText(string source, string text, IReadOnlyList<string> warnings)
        {
            var normalized = Normalized(source, text);
            return new PostDocument(
                source,
                XiaohongshuMarkup.Title(normalized),
                normalized,
                XiaohongshuMarkup.Topics(text),
                ContentHash.Of(normalized),
                warnings);
        }

        /// <summary>
        /// Body is the note's text without its metadata; the title falls back to a Markdown heading or a 【…】 line, and
        /// topics are the declared tags followed by the body's hashtags. The hash covers only title, topics and body, so
        /// a re-export that changes like counts or other fields still matches the cache.
        /// </summary>
        private static PostDocument Structured(string source, NoteMetadata note, PostFormat format, IReadOnlyList<string> warnings)
        {
            var body = XiaohongshuMarkup.Normalize(note.Body);
            var declaredTitle = note.Title == null ? null : XiaohongshuMarkup.Normalize(note.Title);
            var title = NullIfEmpty(declaredTitle)
                ?? (format == PostFormat.Markdown ? MarkdownHeading.FirstHeading(body) : null)
                ?? XiaohongshuMarkup.Title(body);
            if (body.Length == 0) body = title ?? throw Empty(source);

            var topics = new List<string>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var tag in note.Tags) if (seen.Add(tag)) topics.Add(tag);
            foreach (var tag in XiaohongshuMarkup.Topics(note.Body)) if (seen.Add(tag)) topics.Add(tag);

            var hashed = (title ?? string.Empty) + "\n" + string.Join(" ", topics) + "\n" + body;
            return new PostDocument(source, title, body, topics, ContentHash.Of(hashed), warnings, format);
        }

        private static string Normalized(string source, string text)
        {
            var normalized = XiaohongshuMarkup.Normalize(text);
            if (normalized.Length == 0) throw Empty(source);
            return normalized;
        }

        private static string? NullIfEmpty(string? text) => string.IsNullOrEmpty(text) ? null : text;

        private static PostReadException Empty(string source) =>
            new PostReadException(source, PostProblem.Empty, Message.Format(EngineMessages.PostEmpty, source));
    }
}
