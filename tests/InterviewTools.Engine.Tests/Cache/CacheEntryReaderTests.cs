using System;
using System.Linq;
using System.Text.Json;
using InterviewTools.Engine.Cache;
using Xunit;

namespace InterviewTools.Engine.Tests.Cache
{
    /// <summary>The cache writes through the serializer and reads by hand: every property of the record must survive the trip.</summary>
    public sealed class CacheEntryReaderTests
    {
        [Fact]
        public void EveryPropertyOfTheRecordReadsBackAsTheSerializerWroteIt()
        {
            var record = new PostSummary
            {
                Source = "/posts/a.txt", Title = "标题", Summary = "总结 \"引号\" 😀", Experiences = new[] { "经验" }, Tips = new[] { "技巧", "二" },
                Advice = new[] { "建议" }, Questions = new[] { "问题" }, Topics = new[] { "话题" }, Terms = new[] { "GQA" },
                Status = PostSummaryStatus.Deferred, Provider = PostSummaryProvider.Offline, Fallback = true, FromCache = true, Error = "429",
                RetryAt = new DateTimeOffset(2026, 11, 24, 8, 0, 0, TimeSpan.FromHours(8)), Model = "offline-extractor", KeyId = "key-1",
                Attempts = 3, Switches = new[] { "切换" }, InputTokens = 612, OutputTokens = 388, ThinkingTokens = 48, CachedTokens = 100, Cost = 0.0012345m, WouldCost = 0.0012345m, Duration = new TimeSpan(1, 2, 3, 4, 567),
                ContentHash = "sha256:ab", CompletedAt = new DateTimeOffset(2026, 11, 23, 7, 59, 59, 123, TimeSpan.Zero),
            };
            var written = new CacheEntry { PromptHash = "p", SchemaVersion = 2, Family = "gemini", CachedAt = new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero), Summary = record };

            var read = CacheEntryReader.Read(JsonSerializer.SerializeToUtf8Bytes(written, CacheJson.Files.CacheEntry))!;

            Assert.Equal((written.Format, written.PromptHash, written.SchemaVersion, written.Family, written.CachedAt), (read.Format, read.PromptHash, read.SchemaVersion, read.Family, read.CachedAt));
            foreach (var property in typeof(PostSummary).GetProperties())
            {
                var expected = property.GetValue(record);
                Assert.NotEqual(property.PropertyType.IsValueType ? Activator.CreateInstance(property.PropertyType) : null, expected);
                var actual = property.GetValue(read.Summary);
                if (expected is string[] list) Assert.Equal(list, (string[])actual!);
                else Assert.Equal(expected, actual);
            }
        }

        [Theory]
        [InlineData("{\"summary\": {\"attempts\": \"1\"}}")]
        [InlineData("{\"summary\": {\"tips\": \"一条\"}}")]
        [InlineData("{\"summary\": {\"status\": \"Unknown\"}}")]
        [InlineData("{\"summary\": {\"fallback\": null}}")]
        [InlineData("{\"summary\": {\"duration\": \"2.5 s\"}}")]
        [InlineData("{\"cachedAt\": 5}")]
        [InlineData("{\"summary\": []}")]
        [InlineData("[1, 2]")]
        public void AValueOfTheWrongKindIsAJsonErrorAsTheSerializerMakesIt(string json)
        {
            var bytes = System.Text.Encoding.UTF8.GetBytes(json);

            Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize(bytes, CacheJson.Files.CacheEntry));
            Assert.ThrowsAny<JsonException>(() => CacheEntryReader.Read(bytes));
        }

        [Fact]
        public void NamesInAnyCaseIntegersNullsAndUnknownPropertiesReadAsTheSerializerReadsThem()
        {
            var bytes = System.Text.Encoding.UTF8.GetBytes("{\"format\": 2, \"extra\": [1], \"summary\": {\"provider\": \"offline\", \"status\": 2, \"title\": null, \"retryAt\": null, \"terms\": null, \"Model\": \"ignored\"}}");

            var expected = JsonSerializer.Deserialize(bytes, CacheJson.Files.CacheEntry)!.Summary!;
            var read = CacheEntryReader.Read(bytes)!.Summary!;

            Assert.Equal(PostSummaryProvider.Offline, read.Provider);
            Assert.Equal(PostSummaryStatus.Deferred, read.Status);
            Assert.Null(read.Terms);
            Assert.Equal(string.Empty, read.Model);
            Assert.Equal((expected.Provider, expected.Status, expected.Title, expected.RetryAt, expected.Terms, expected.Model), (read.Provider, read.Status, read.Title, read.RetryAt, read.Terms, read.Model));
        }
    }
}
