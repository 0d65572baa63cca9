using InterviewTools.Engine.Cache;

namespace InterviewTools.Hosting
{
    internal static class CacheEntryMapper
    {
        public static PostSummaryCacheEntry From(CacheEntryInfo entry) => new PostSummaryCacheEntry
        {
            Source = entry.Source,
            Title = entry.Title,
            Provider = (PostSummaryProvider)(int)entry.Provider,
            Model = entry.Model,
            Fallback = entry.Fallback,
            ContentHash = entry.ContentHash,
            CachedAt = entry.CachedAt,
            SizeBytes = entry.SizeBytes,
            Path = entry.Path,
        };
    }
}
