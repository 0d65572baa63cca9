using System;
using System.IO;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace InterviewTools.Tests
{
    /// <summary>
    /// Writes result-cache entries in the engine's on-disk format 1 (pinned by the engine test
    /// ResultCacheTests.AnEntryInTheFormatOneLayoutIsRead). The hosted tests cannot call the engine: this project must not
    /// reference it, and loading a second copy into the test process would break the tests that check the module's isolation.
    /// </summary>
    internal static class CacheSeed
    {
        private static readonly JsonSerializerOptions Json = new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

        /// <summary>Writes one entry and returns its content hash.</summary>
        public static string Write(string stateDirectory, string source, DateTimeOffset cachedAt, string model = "gemini-3.5-flash", bool fallback = false)
        {
            var contentHash = "sha256:" + Hex(source);
            var entry = new
            {
                format = 1,
                contentHash,
                promptHash = Hex("prompt"),
                schemaVersion = 2,
                family = "gemini",
                source,
                content = new
                {
                    title = "【" + Path.GetFileNameWithoutExtension(source) + "】",
                    summary = "总结：" + source,
                    experiences = Array.Empty<string>(),
                    tips = Array.Empty<string>(),
                    advice = Array.Empty<string>(),
                    questions = new[] { "GQA 为什么省显存？" },
                    topics = Array.Empty<string>(),
                    terms = new[] { "GQA" },
                },
                provider = fallback ? "Offline" : "Gemini",
                fallback,
                model,
                keyId = fallback ? string.Empty : "key-0badc0de",
                attempts = fallback ? 0 : 1,
                inputTokens = 100,
                outputTokens = 50,
                duration = "00:00:01.5000000",
                completedAt = cachedAt.AddSeconds(-1),
                cachedAt,
            };
            var id = Hex(contentHash + "|entry");
            var path = Path.Combine(stateDirectory, "cache", id.Substring(0, 2), id + ".json");
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, JsonSerializer.Serialize(entry, Json));
            return contentHash;
        }

        private static string Hex(string text) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text))).ToLowerInvariant();
    }
}
