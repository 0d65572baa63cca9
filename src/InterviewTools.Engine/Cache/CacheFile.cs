namespace InterviewTools.Engine.Cache
{
    /// <summary>One file of the cache folder as listed for inspection and pruning: a sound entry, or an unreadable file and why.</summary>
    public sealed class CacheFile
    {
        internal CacheFile(string path, long sizeBytes, PostSummaryCacheEntry? entry, string? problem)
        {
            Path = path;
            SizeBytes = sizeBytes;
            Entry = entry;
            Problem = problem;
        }

        public string Path { get; }
        public long SizeBytes { get; }

        /// <summary>The listing row of a sound entry; null when <see cref="Problem"/> is set.</summary>
        public PostSummaryCacheEntry? Entry { get; }

        /// <summary>Why the file cannot be used; null for a sound entry.</summary>
        public string? Problem { get; }
    }
}
