using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Threading.Tasks;
using InterviewTools.Engine.Cache;
using InterviewTools.Engine.Policy;
using InterviewTools.Engine.Posts;
using InterviewTools.Engine.Summaries;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace InterviewTools.Engine.Tests.Cache
{
    public sealed class ResultCacheTests : IDisposable
    {
        private static readonly DateTimeOffset Now = new DateTimeOffset(2026, 11, 23, 7, 42, 10, TimeSpan.Zero);
        private readonly string _state = Path.Combine(Path.GetTempPath(), "it-cache-" + Guid.NewGuid().ToString("N"));
        private readonly ConcurrentQueue<string> _warnings = new ConcurrentQueue<string>();
        private readonly FakeTimeProvider _time = new FakeTimeProvider(Now);
        private readonly CacheKey _gemini = CacheKey.For(SummaryPrompt.Default, PostSummaryProvider.Gemini);

        public void Dispose()
        {
            if (Directory.Exists(_state)) Directory.Delete(_state, recursive: true);
        }

        [Fact]
        public void AStoredSummaryComesBackSucceededFromCacheWithItsOriginalProvenance()
        {
            var cache = NewCache();
            var stored = Succeeded(Post("一面：问了 GQA 和 RoPE。"), "gemini-3.1-flash-lite");
            Assert.True(cache.Store(stored, _gemini));

            var movedPost = Post("一面：问了 GQA 和 RoPE。", source: "/elsewhere/renamed.txt");
            Assert.True(NewCache().TryGet(movedPost, _gemini, out var cached));

            Assert.Equal((PostSummaryStatus.Succeeded, true), (cached.Status, cached.FromCache));
            Assert.False(stored.Summary.FromCache);
            Assert.Equal(movedPost.Source, cached.Source);
            Assert.Equal(movedPost.ContentHash, cached.ContentHash);
            Assert.Equal(PostSummaryProvider.Gemini, cached.Provider);
            Assert.False(cached.Fallback);
            Assert.Equal("gemini-3.1-flash-lite", cached.Model);
            Assert.Equal("key-3f9a1c2e", cached.KeyId);
            Assert.Equal(2, cached.Attempts);
            Assert.Equal(612, cached.InputTokens);
            Assert.Equal(388, cached.OutputTokens);
            Assert.Equal(TimeSpan.FromMilliseconds(2417), cached.Duration);
            Assert.Equal(stored.Summary.CompletedAt, cached.CompletedAt);
            var content = cached;
            Assert.Equal("【字节大模型一面】", content.Title);
            Assert.Equal("第一行\n第二行：引号 \" 与 emoji 😀", content.Summary);
            Assert.Equal(new[] { "讲清楚项目" }, content.Experiences);
            Assert.Equal(new[] { "先确认 shape" }, content.Tips);
            Assert.Equal(new[] { "读技术报告" }, content.Advice);
            Assert.Equal(new[] { "GQA 为什么省显存？", "RoPE 怎么外推？" }, content.Questions);
            Assert.Equal(new[] { "字节跳动" }, content.Topics);
            Assert.Equal(new[] { "GQA", "RoPE" }, content.Terms);
            Assert.Empty(_warnings);
            var written = File.ReadAllText(Assert.Single(cache.List()).Path);
            Assert.Contains("\"format\": 2", written);
            Assert.Contains("\"provider\": \"Gemini\"", written);
            Assert.Contains("\"summary\": \"第一行\\n第二行", written);
        }

        [Fact]
        public void AnEntryInTheFormatOneLayoutIsRead()
        {
            // The on-disk layout is a contract: caches written by earlier versions stay usable, and the hosted tests seed it.
            var cache = NewCache();
            var post = Post("格式一的帖子");
            cache.Store(Succeeded(post), _gemini);
            var path = Assert.Single(cache.List()).Path;
            File.WriteAllText(path, $$"""
                {
                  "format": 1, "contentHash": "{{post.ContentHash}}", "promptHash": "{{_gemini.PromptHash}}", "schemaVersion": {{_gemini.SchemaVersion}}, "family": "gemini",
                  "source": "/posts/old.txt",
                  "content": { "title": "旧标题", "summary": "总结", "experiences": ["经验"], "tips": [], "advice": [], "questions": ["问题"], "topics": ["话题"], "terms": ["GQA"] },
                  "provider": "Offline", "fallback": true, "model": "offline-extractor", "keyId": "", "attempts": 0,
                  "inputTokens": 100, "outputTokens": 50, "duration": "00:00:01.5000000",
                  "completedAt": "2026-11-23T07:59:59+00:00", "cachedAt": "2026-11-23T08:00:00+00:00"
                }
                """);

            Assert.True(cache.TryGet(post, _gemini, out var cached));

            Assert.Equal(PostSummaryProvider.Offline, cached.Provider);
            Assert.True(cached.Fallback);
            Assert.Equal("offline-extractor", cached.Model);
            Assert.Equal(TimeSpan.FromSeconds(1.5), cached.Duration);
            Assert.Equal(new DateTimeOffset(2026, 11, 23, 7, 59, 59, TimeSpan.Zero), cached.CompletedAt);
            Assert.Equal("旧标题", cached.Title);
            Assert.Equal(new[] { "经验" }, cached.Experiences);
            Assert.Equal(new[] { "GQA" }, cached.Terms);
            var listed = Assert.Single(cache.List());
            Assert.Equal("/posts/old.txt", listed.Entry!.Source);
            Assert.Equal(new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero), listed.Entry!.CachedAt);
            Assert.Empty(_warnings);
        }

        [Fact]
        public void EachPartOfTheKeySeparatesEntries()
        {
            var cache = NewCache();
            var post = Post("同一篇帖子");
            cache.Store(Succeeded(post), _gemini);

            Assert.True(cache.TryGet(post, CacheKey.For(SummaryPrompt.Default, PostSummaryProvider.Gemini), out _));
            Assert.False(cache.TryGet(Post("另一篇帖子"), _gemini, out _));
            Assert.False(cache.TryGet(post, CacheKey.For("只列出面试题", PostSummaryProvider.Gemini), out _));
            Assert.False(cache.TryGet(post, new CacheKey(SummaryPrompt.Default, PostSummaryProvider.Gemini, SummarySchema.Version + 1), out _));
            Assert.False(cache.TryGet(post, CacheKey.For(SummaryPrompt.Default, PostSummaryProvider.Offline), out _));
            Assert.Empty(_warnings);
        }

        [Fact]
        public void AnyGeminiModelsAnswerServesTheGeminiKey()
        {
            var cache = NewCache();
            var first = Post("帖子一");
            var second = Post("帖子二");
            cache.Store(Succeeded(first, "gemini-3.5-flash"), CacheKey.For(SummaryPrompt.Default, PostSummaryProvider.Gemini));
            cache.Store(Succeeded(second, "gemini-3.5-flash-lite"), CacheKey.For(SummaryPrompt.Default, PostSummaryProvider.Gemini));

            Assert.True(cache.TryGet(first, _gemini, out var a));
            Assert.True(cache.TryGet(second, _gemini, out var b));
            Assert.Equal(new[] { "gemini-3.5-flash", "gemini-3.5-flash-lite" }, new[] { a.Model, b.Model });
        }

        [Fact]
        public void ARecordTheCacheGaveOutIsNotStoredAgain()
        {
            var cache = NewCache();
            var post = Post("缓存给出的帖子");
            var outcome = Succeeded(post);
            outcome.Summary.FromCache = true;

            Assert.False(cache.Store(outcome, _gemini));
            Assert.Empty(cache.List());
        }

        [Theory]
        [InlineData(PostSummaryStatus.Failed)]
        [InlineData(PostSummaryStatus.Deferred)]
        public void OnlySucceededSummariesAreStored(PostSummaryStatus status)
        {
            var cache = NewCache();
            var post = Post("失败的帖子");
            var record = Content();
            record.Status = status;
            record.RetryAt = Now.AddHours(5);
            var outcome = new SummaryOutcome(post, record, new SummaryFailure(FailureKind.QuotaExhausted, "429"));

            Assert.False(cache.Store(outcome, _gemini));
            Assert.False(cache.TryGet(post, _gemini, out _));
            Assert.Empty(cache.List());
        }

        [Theory]
        [InlineData("{\"format\": 1, \"contentHash\": \"sha256:")]
        [InlineData("")]
        [InlineData("null")]
        [InlineData("[1, 2]")]
        [InlineData("{\"format\": 1, \"contentHash\": \"x\", \"promptHash\": \"y\", \"family\": \"gemini\", \"schemaVersion\": 2}")]
        [InlineData("{\"format\": 99}")]
        public void ACorruptEntryIsDeletedWithAWarningAndIsAMiss(string text)
        {
            var cache = NewCache();
            var post = Post("会被损坏的帖子");
            cache.Store(Succeeded(post), _gemini);
            var path = Assert.Single(cache.List()).Path;
            File.WriteAllText(path, text);

            Assert.False(cache.TryGet(post, _gemini, out _));

            Assert.False(File.Exists(path));
            var warning = Assert.Single(_warnings);
            Assert.Contains(path, warning);
            Assert.Contains("deleted", warning);
            Assert.True(cache.Store(Succeeded(post), _gemini));
            Assert.True(cache.TryGet(post, _gemini, out _));
        }

        [Fact]
        public void AnEntryFileHoldingAnotherPostsSummaryIsDroppedNotServed()
        {
            var cache = NewCache();
            var mine = Post("我的帖子");
            var other = Post("别人的帖子");
            cache.Store(Succeeded(mine), _gemini);
            cache.Store(Succeeded(other, "gemini-other"), _gemini);
            var paths = cache.List().ToDictionary(e => e.Entry!.ContentHash, e => e.Path);
            File.Copy(paths[other.ContentHash], paths[mine.ContentHash], overwrite: true);

            Assert.False(cache.TryGet(mine, _gemini, out _));
            Assert.Contains("another post", Assert.Single(_warnings));
            Assert.True(cache.TryGet(other, _gemini, out var stillThere));
            Assert.Equal("gemini-other", stillThere.Model);
        }

        [Fact]
        public void ManyWritersOfOneEntryLeaveOneSoundEntryAndReadersNeverSeeAPartialOne()
        {
            var post = Post("大家都在写的帖子");
            var models = Enumerable.Range(0, 16).Select(i => $"gemini-writer-{i}").ToArray();
            var misses = 0;
            // A large entry takes many writes to land, which is what a torn read would catch.
            var large = Succeeded(post, "gemini-first");
            large.Summary.Summary = string.Concat(Enumerable.Repeat("很长的总结。", 40_000));
            NewCache().Store(large, _gemini);

            Parallel.For(0, 32, new ParallelOptions { MaxDegreeOfParallelism = 16 }, worker =>
            {
                var cache = NewCache();
                for (var i = 0; i < 20; i++)
                {
                    if (worker % 2 == 0) cache.Store(WithModel(large, models[worker % models.Length]), _gemini);
                    else if (!cache.TryGet(post, _gemini, out _)) System.Threading.Interlocked.Increment(ref misses);
                }
            });

            Assert.Empty(_warnings);
            Assert.Equal(0, misses);
            var entry = Assert.Single(NewCache().List());
            Assert.Null(entry.Problem);
            Assert.Contains(entry.Entry!.Model, models);
            Assert.Empty(Directory.GetFiles(Path.Combine(_state, "cache"), "*.tmp", SearchOption.AllDirectories));
        }

        [Fact]
        public void AFallbackEntryCanBePassedOverAndIsUpgradedByARealAnswerButNeverTheReverse()
        {
            var cache = NewCache();
            var post = Post("配额用完时的帖子");
            var fallback = Succeeded(post, "offline-extractor");
            fallback.Summary.Provider = PostSummaryProvider.Offline;
            fallback.Summary.Fallback = true;
            Assert.True(cache.Store(fallback, _gemini));

            Assert.True(cache.TryGet(post, _gemini, out var standIn));
            Assert.True(standIn.Fallback);
            Assert.Equal(PostSummaryProvider.Offline, standIn.Provider);
            Assert.False(cache.TryGet(post, _gemini, out _, includeFallback: false));
            Assert.True(Assert.Single(cache.List()).Entry!.Fallback);

            Assert.True(cache.Store(Succeeded(post, "gemini-3.5-flash"), _gemini));
            Assert.True(cache.TryGet(post, _gemini, out var upgraded, includeFallback: false));
            Assert.False(upgraded.Fallback);

            Assert.False(cache.Store(fallback, _gemini));
            Assert.True(cache.TryGet(post, _gemini, out var kept));
            Assert.Equal("gemini-3.5-flash", kept.Model);
            Assert.Empty(_warnings);
        }

        [Fact]
        public void ListDescribesEveryEntryIncludingUnreadableOnesWithoutChangingAnything()
        {
            var cache = NewCache();
            cache.Store(Succeeded(Post("甲", source: "/posts/a.txt")), _gemini);
            _time.Advance(TimeSpan.FromHours(1));
            cache.Store(Succeeded(Post("乙", source: "/posts/b.txt")), _gemini);
            var broken = Path.Combine(cache.Root, "ff", new string('f', 64) + ".json");
            Directory.CreateDirectory(Path.GetDirectoryName(broken)!);
            File.WriteAllText(broken, "{ not json");

            var entries = cache.List().OrderBy(e => e.Path == broken).ThenBy(e => e.Entry?.Source).ToList();

            Assert.Equal(3, entries.Count);
            Assert.Equal(new[] { "/posts/a.txt", "/posts/b.txt" }, entries.Take(2).Select(e => e.Entry!.Source));
            Assert.Equal(new[] { Now, Now.AddHours(1) }, entries.Take(2).Select(e => e.Entry!.CachedAt));
            Assert.All(entries.Take(2), e => Assert.Equal(new FileInfo(e.Path).Length, e.SizeBytes));
            Assert.All(entries.Take(2), e => Assert.Equal("【字节大模型一面】", e.Entry!.Title));
            Assert.Contains("not valid JSON", entries[2].Problem);
            Assert.True(File.Exists(broken));
            Assert.Empty(_warnings);
        }

        [Fact]
        public void DeleteRemovesTheListedEntriesItIsGiven()
        {
            var cache = NewCache();
            foreach (var name in new[] { "a", "b", "c" }) cache.Store(Succeeded(Post("帖子" + name, source: $"/posts/{name}.txt")), _gemini);

            Assert.Equal(2, cache.List().Where(e => e.Entry!.Source != "/posts/b.txt").ToList().Count(e => cache.Delete(e.Path)));

            Assert.Equal("/posts/b.txt", Assert.Single(cache.List()).Entry!.Source);
        }

        [Fact]
        public void DeleteRefusesAnyPathOutsideTheCache()
        {
            var cache = NewCache();
            cache.Store(Succeeded(Post("帖子")), _gemini);
            var outside = Path.Combine(_state, "precious.json");
            File.WriteAllText(outside, "{}");
            var entry = Assert.Single(cache.List()).Path;

            Assert.Throws<ArgumentException>(() => cache.Delete(outside));
            Assert.Throws<ArgumentException>(() => cache.Delete(Path.Combine(cache.Root, "..", "precious.json")));
            Assert.Throws<ArgumentException>(() => cache.Delete(Path.Combine(cache.Root, "ab", "abc.json")));
            Assert.True(File.Exists(outside));
            Assert.True(cache.Delete(entry));
            Assert.False(cache.Delete(entry));
        }

        [Fact]
        public void OldLeftoverTemporaryFilesAreRemovedAndFreshOnesKept()
        {
            var cache = NewCache();
            cache.Store(Succeeded(Post("帖子")), _gemini);
            var folder = Path.GetDirectoryName(Assert.Single(cache.List()).Path)!;
            var old = Path.Combine(folder, "x.json.1.tmp");
            var fresh = Path.Combine(folder, "x.json.2.tmp");
            File.WriteAllText(old, "half");
            File.WriteAllText(fresh, "half");
            File.SetLastWriteTimeUtc(old, Now.UtcDateTime.AddHours(-2));
            File.SetLastWriteTimeUtc(fresh, Now.UtcDateTime.AddMinutes(-1));

            Assert.Equal(1, cache.RemoveLeftovers(TimeSpan.FromMinutes(10)));

            Assert.False(File.Exists(old));
            Assert.True(File.Exists(fresh));
        }

        [Fact]
        public void OnUnixEntriesAndTheCacheFolderAreForTheUserOnly()
        {
            if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows)) return;
            var cache = NewCache();
            cache.Store(Succeeded(Post("帖子")), _gemini);
            var entry = Assert.Single(cache.List()).Path;

            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(entry));
            var userOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
            Assert.Equal(userOnly, File.GetUnixFileMode(cache.Root));
            Assert.Equal(userOnly, File.GetUnixFileMode(Path.GetDirectoryName(entry)!));
            Assert.Equal(userOnly, File.GetUnixFileMode(_state));
        }

        private static SummaryOutcome WithModel(SummaryOutcome outcome, string model)
        {
            var copy = Succeeded(outcome.Post, model);
            copy.Summary.Summary = outcome.Summary.Summary;
            return copy;
        }

        private ResultCache NewCache() => new ResultCache(_state, new WarningLog(_warnings.Enqueue), _time);

        private static PostDocument Post(string text, string source = "/posts/post.txt") =>
            new PostDocument(source, null, text, Array.Empty<string>(), ContentHash.Of(text), Array.Empty<string>());

        private static SummaryOutcome Succeeded(PostDocument post, string model = "gemini-3.5-flash")
        {
            var record = Content();
            record.Source = post.Source;
            record.ContentHash = post.ContentHash;
            record.Status = PostSummaryStatus.Succeeded;
            record.Provider = PostSummaryProvider.Gemini;
            record.Model = model;
            record.KeyId = "key-3f9a1c2e";
            record.Attempts = 2;
            record.InputTokens = 612;
            record.OutputTokens = 388;
            record.Duration = TimeSpan.FromMilliseconds(2417);
            record.CompletedAt = Now.AddMinutes(-3);
            record.Switches = new[] { "gemini-3.5-flash: 429 per minute" };
            return new SummaryOutcome(post, record);
        }

        private static PostSummary Content() => new PostSummary
        {
            Title = "【字节大模型一面】",
            Summary = "第一行\n第二行：引号 \" 与 emoji 😀",
            Experiences = new[] { "讲清楚项目" },
            Tips = new[] { "先确认 shape" },
            Advice = new[] { "读技术报告" },
            Questions = new[] { "GQA 为什么省显存？", "RoPE 怎么外推？" },
            Topics = new[] { "字节跳动" },
            Terms = new[] { "GQA", "RoPE" },
        };
    }
}
