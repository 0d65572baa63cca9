using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;

namespace InterviewTools.Engine.Cache
{
    /// <summary>
    /// Compile-time JSON metadata for writing cache entries; reading them is <see cref="CacheEntryReader"/>'s, because even
    /// compile-time metadata is built (and JIT-compiled) at run time, which a rerun's first lookup would pay.
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
