using System;
using System.IO;

namespace InterviewTools.Engine.Posts
{
    public static class PostReader
    {
        public const long MaxFileBytes = 16L * 1024 * 1024;

        public static PostDocument ReadFile(string path)
        {
            if (Directory.Exists(path))
            {
                throw new PostReadException(path, PostProblem.IsDirectory, $"'{path}' is a directory, not a post file.");
            }
            var file = new FileInfo(path);
            if (!file.Exists)
            {
                throw new PostReadException(path, PostProblem.NotFound, $"Cannot find the post file '{path}'.");
            }
            if (file.Length > MaxFileBytes)
            {
                throw new PostReadException(path, PostProblem.TooLarge, $"'{path}' is {file.Length:N0} bytes; a post file may be at most {MaxFileBytes:N0} bytes.");
            }
            byte[] bytes;
            try
            {
                bytes = File.ReadAllBytes(path);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                throw new PostReadException(path, PostProblem.Unreadable, $"Cannot read '{path}': {e.Message}", e);
            }
            var decoded = TextDecoder.Decode(path, bytes);
            return FromText(path, decoded.Text, decoded.Warnings);
        }

        public static PostDocument ReadText(string source, string text) => FromText(source, text, Array.Empty<string>());

        private static PostDocument FromText(string source, string text, System.Collections.Generic.IReadOnlyList<string> warnings)
        {
            var normalized = XiaohongshuMarkup.Normalize(text);
            if (normalized.Length == 0)
            {
                throw new PostReadException(source, PostProblem.Empty, $"'{source}' is empty or holds only white space.");
            }
            return new PostDocument(
                source,
                XiaohongshuMarkup.Title(normalized),
                normalized,
                XiaohongshuMarkup.Topics(text),
                ContentHash.Of(normalized),
                warnings);
        }
    }
}
