using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;

namespace InterviewTools.Engine.Cache
{
    /// <summary>
    /// Compile-time JSON metadata for cache entries: a rerun reads hundreds of entries in a fresh process, and reflection-based
    /// metadata would cost that process its first lookups.
    /// </summary>
    [JsonSerializable(typeof(CacheEntry))]
    internal sealed partial class CacheJson : JsonSerializerContext
    {
        /// <summary>
        /// Chinese stays readable and a third the size; the files are never embedded in HTML. Enums are written by name, with
        /// typed converters that need no reflection at the first lookup; absent values (no error, no retry time) are left out.
        /// </summary>
        public static CacheJson Files { get; } = new CacheJson(new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            WriteIndented = true,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            Converters = { new JsonStringEnumConverter<PostSummaryStatus>(), new JsonStringEnumConverter<PostSummaryProvider>() },
            Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        });
    }
}
