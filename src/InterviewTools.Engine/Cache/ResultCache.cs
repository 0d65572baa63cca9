using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using InterviewTools.Engine.Common;
using InterviewTools.Engine.Posts;
using InterviewTools.Engine.Resources;
using InterviewTools.Engine.State;
using InterviewTools.Engine.Summaries;

namespace InterviewTools.Engine.Cache
{
    /// <summary>
    /// Finished summaries in <c>&lt;state dir&gt;/cache</c>, one file per entry (<c>cache/ab/abcdef….json</c>). Each file is written
    /// whole and renamed into place, so processes share the cache without a lock, and a file that cannot be read is dropped
    /// with a warning and counts as a miss. Only successful summaries are kept: failed and deferred posts are tried again.
    /// Safe to call from several threads at once; <c>warn</c> may be called on any of them.
    /// </summary>
    public sealed class ResultCache
    {
        public const string FolderName = "cache";
        private const string Extension = ".json";

        private static readonly StringComparison PathComparison =
            System.Runtime.InteropServices.RuntimeInformation.IsOSPlatform(System.Runtime.InteropServices.OSPlatform.Windows) ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

        private readonly IEngineLog _log;
        private readonly TimeProvider _time;

        /// <summary>The cache of this user's state directory ($env:INTERVIEWTOOLS_STATE_DIR or the platform's default).</summary>
        public static ResultCache Open(Func<string, string?> environment, IEngineLog log) => new ResultCache(StateDirectory.Resolve(environment), log);

        internal ResultCache(string stateDirectory, IEngineLog log, TimeProvider? time = null)
        {
            Root = Path.Combine(Path.GetFullPath(stateDirectory), FolderName);
            _log = log;
            _time = time ?? TimeProvider.System;
        }

        /// <summary>Summaries shared with other machines (the Redis server of the cache setting), or null for this machine's alone.</summary>
        internal ISharedResults? Shared { get; set; }

        /// <summary>The cache folder: one sub-folder per first two hex digits of the entry ids.</summary>
        public string Root { get; }

        /// <summary>
        /// The stored record of <paramref name="post"/> under <paramref name="key"/>, marked FromCache (its Status stays Succeeded), with the post's current source,
        /// and the original provenance (Model, KeyId, Provider, Fallback, tokens, times). With <paramref name="includeFallback"/>
        /// false an offline stand-in is passed over, so a run that has Gemini quota again replaces it with a real answer.
        /// </summary>
        internal bool TryGet(PostDocument post, CacheKey key, [NotNullWhen(true)] out PostSummary? summary, bool includeFallback = true)
        {
            summary = null;
            var id = key.EntryId(post.ContentHash);
            var path = PathOf(id);
            var entry = Read(path, key, post.ContentHash) ?? Adopt(id, path, key, post.ContentHash);
            if (entry == null || (entry.Summary!.Fallback && !includeFallback)) return false;
            summary = entry.Summary;
            summary.Source = post.Source;
            summary.ContentHash = post.ContentHash;
            summary.FromCache = true;
            summary.Error = null;
            summary.RetryAt = null;
            summary.Switches = Array.Empty<string>();
            return true;
        }

        /// <summary>
        /// Keeps a Succeeded record as it is; anything else, or a record the cache already gave out, is ignored (false). A fallback never replaces a real answer already
        /// stored, while a real answer replaces a fallback: that is how fallback entries are upgraded.
        /// </summary>
        internal bool Store(SummaryOutcome outcome, CacheKey key)
        {
            var summary = outcome.Summary;
            if (summary.Status != PostSummaryStatus.Succeeded || summary.FromCache) return false;
            var contentHash = outcome.Post.ContentHash;
            var path = PathOf(key.EntryId(contentHash));
            if (summary.Fallback && Read(path, key, contentHash) is { Summary: { Fallback: false } }) return false;
            summary.ContentHash = contentHash;
            var entry = new CacheEntry
            {
                PromptHash = key.PromptHash,
                SchemaVersion = key.SchemaVersion,
                Family = key.Family,
                CachedAt = _time.GetUtcNow(),
                Summary = summary,
            };
            var bytes = JsonSerializer.SerializeToUtf8Bytes(entry, CacheJson.Files.CacheEntry);
            StateDirectory.Ensure(Path.GetDirectoryName(Root)!);
            StateDirectory.Ensure(Root);
            AtomicFile.Write(path, stream => stream.Write(bytes, 0, bytes.Length));
            Shared?.Publish(key.EntryId(contentHash), bytes);
            return true;
        }

        /// <summary>
        /// Claims <paramref name="post"/> before it is sent, so that two machines starting it at once send it once: the one that
        /// holds the claim sends, the other waits for its summary, up to <paramref name="maxWait"/>, then sends itself. Null: this
        /// process sends (dispose the claim after keeping the summary); otherwise the summary another machine finished.
        /// </summary>
        internal async Task<(IDisposable? Claim, PostSummary? Answer)> ClaimAsync(PostDocument post, CacheKey key, TimeSpan maxWait,
            CancellationToken cancellationToken)
        {
            var shared = Shared;
            if (shared == null) return (null, null);
            var id = key.EntryId(post.ContentHash);
            var deadline = _time.GetUtcNow() + maxWait;
            while (!shared.TryClaim(id, ClaimLife))
            {
                if (TryGet(post, key, out var answer, includeFallback: false)) return (null, answer);
                if (_time.GetUtcNow() >= deadline) return (null, null);
                await _time.Delay(ClaimPoll, cancellationToken).ConfigureAwait(false);
            }
            var claim = new Claimed(shared, id);
            // The machine that held the claim before may have finished it since this one looked: it published before letting go.
            if (TryGet(post, key, out var finished, includeFallback: false))
            {
                claim.Dispose();
                return (null, finished);
            }
            return (claim, null);
        }

        /// <summary>Longer than a post's requests with their retries; a claim whose process died frees the post after it.</summary>
        internal static readonly TimeSpan ClaimLife = TimeSpan.FromMinutes(3);

        private static readonly TimeSpan ClaimPoll = TimeSpan.FromMilliseconds(200);

        private sealed class Claimed : IDisposable
        {
            private readonly ISharedResults _shared;
            private readonly string _id;

            public Claimed(ISharedResults shared, string id)
            {
                _shared = shared;
                _id = id;
            }

            public void Dispose() => _shared.Unclaim(_id);
        }

        /// <summary>An entry another machine finished: checked as a local file is, then kept here too.</summary>
        private CacheEntry? Adopt(string id, string path, CacheKey key, string contentHash)
        {
            var bytes = Shared?.Fetch(id);
            if (bytes == null) return null;
            var entry = Parse(bytes, out var defect);
            if (entry == null || !key.Matches(entry, contentHash))
            {
                _log.Warning(Message.Format(EngineMessages.SharedSummaryUnusable, Shared!.Location, id, defect ?? EngineMessages.SharedSummaryMismatch));
                return null;
            }
            try
            {
                StateDirectory.Ensure(Path.GetDirectoryName(Root)!);
                StateDirectory.Ensure(Root);
                AtomicFile.Write(path, stream => stream.Write(bytes, 0, bytes.Length));
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                _log.Warning(Message.Format(EngineMessages.SharedSummaryNotKept, Shared!.Location, e.Message));
            }
            return entry;
        }

        /// <summary>Every entry file, unreadable ones included (with <see cref="CacheFile.Problem"/> set). Lists without changing anything.</summary>
        public IEnumerable<CacheFile> List()
        {
            if (!Directory.Exists(Root)) yield break;
            foreach (var folder in Directory.EnumerateDirectories(Root))
            {
                foreach (var path in Directory.EnumerateFiles(folder, "*" + Extension))
                {
                    var file = Describe(path);
                    if (file != null) yield return file;
                }
            }
        }

        /// <summary>Deletes one entry file. Refuses any path that is not an entry of this cache, so a piped object cannot aim it elsewhere.</summary>
        public bool Delete(string entryPath)
        {
            var full = Path.GetFullPath(entryPath);
            if (!IsEntryPath(full)) throw new ArgumentException($"'{entryPath}' is not an entry of the result cache in {Root}.", nameof(entryPath));
            if (!File.Exists(full)) return false;
            try
            {
                File.Delete(full);
                return true;
            }
            catch (FileNotFoundException)
            {
                return false;
            }
        }

        /// <summary>Temporary files that a killed process left behind; younger ones may be writes in progress and are not listed.</summary>
        public IReadOnlyList<string> Leftovers(TimeSpan olderThan)
        {
            if (!Directory.Exists(Root)) return Array.Empty<string>();
            var cutoff = _time.GetUtcNow().UtcDateTime - olderThan;
            return Directory.EnumerateFiles(Root, "*.tmp", SearchOption.AllDirectories).Where(file => File.GetLastWriteTimeUtc(file) < cutoff).ToList();
        }

        public int RemoveLeftovers(TimeSpan olderThan)
        {
            var removed = 0;
            foreach (var file in Leftovers(olderThan))
            {
                try
                {
                    File.Delete(file);
                    removed++;
                }
                catch (IOException)
                {
                    // Still open somewhere: it is not a leftover after all.
                }
            }
            return removed;
        }

        public bool IsEntryPath(string path)
        {
            var full = Path.GetFullPath(path);
            var folder = Path.GetDirectoryName(full);
            var stem = Path.GetFileNameWithoutExtension(full);
            return folder != null
                && string.Equals(Path.GetDirectoryName(folder), Root, PathComparison)
                && Path.GetExtension(full) == Extension
                && stem.Length == 64 && stem.All(IsLowerHex)
                && string.Equals(Path.GetFileName(folder), stem.Substring(0, 2), StringComparison.Ordinal);
        }

        private string PathOf(string entryId) => Path.Combine(Root, entryId.Substring(0, 2), entryId + Extension);

        private CacheEntry? Read(string path, CacheKey key, string contentHash)
        {
            var bytes = ReadBytes(path, out var unreadable);
            if (bytes == null)
            {
                if (unreadable != null) Drop(path, unreadable);
                return null;
            }
            var entry = Parse(bytes, out var defect);
            if (entry != null && !key.Matches(entry, contentHash)) defect = "it holds another post's or another prompt's summary";
            if (defect == null) return entry;
            Drop(path, defect);
            return null;
        }

        private CacheFile? Describe(string path)
        {
            var bytes = ReadBytes(path, out var unreadable);
            if (bytes == null) return unreadable == null ? null : new CacheFile(path, 0, null, unreadable);
            var entry = Parse(bytes, out var defect);
            if (entry == null) return new CacheFile(path, bytes.LongLength, null, defect);
            var summary = entry.Summary!;
            return new CacheFile(path, bytes.LongLength, new PostSummaryCacheEntry
            {
                Source = summary.Source,
                Title = summary.Title,
                Provider = summary.Provider,
                Model = summary.Model,
                Fallback = summary.Fallback,
                ContentHash = entry.ContentHash,
                CachedAt = entry.CachedAt,
                SizeBytes = bytes.LongLength,
                Path = path,
            }, null);
        }

        private static CacheEntry? Parse(byte[] bytes, out string? defect)
        {
            try
            {
                var entry = CacheEntryReader.Read(bytes);
                defect = entry == null ? "it is empty" : entry.Defect();
                return defect == null ? entry : null;
            }
            catch (JsonException e)
            {
                defect = "it is not valid JSON: " + e.Message;
                return null;
            }
        }

        private void Drop(string path, string defect)
        {
            try
            {
                File.Delete(path);
                _log.Warning($"The cached summary {path} could not be used ({defect}); it was deleted and the post will be summarised again.");
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                _log.Warning($"The cached summary {path} could not be used ({defect}) nor deleted ({e.Message}); the post will be summarised again.");
            }
        }

        /// <summary>
        /// The file's bytes, or null when it does not exist. A file another process is replacing this instant is retried briefly;
        /// one that stays unreadable gives null bytes and the reason in <paramref name="problem"/>.
        /// </summary>
        private static byte[]? ReadBytes(string path, out string? problem)
        {
            problem = null;
            for (var attempt = 0; ; attempt++)
            {
                try
                {
                    using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                    using var copy = new MemoryStream();
                    stream.CopyTo(copy);
                    return copy.ToArray();
                }
                catch (Exception e) when (e is FileNotFoundException || e is DirectoryNotFoundException)
                {
                    return null;
                }
                catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
                {
                    if (attempt >= 20)
                    {
                        problem = "it cannot be read: " + e.Message;
                        return null;
                    }
                    Thread.Sleep(5);
                }
            }
        }

        private static bool IsLowerHex(char c) => (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
    }
}
