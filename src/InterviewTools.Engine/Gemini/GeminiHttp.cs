using System.Net;
using System.Net.Http;
using System.Threading;

namespace InterviewTools.Engine.Gemini
{
    internal static class GeminiHttp
    {
        /// <summary>
        /// One client for the process so connections are reused across pipelines. Its own timeout is off:
        /// the per-attempt timeout belongs to the resilience pipeline, and cancellation to the caller.
        /// </summary>
        public static HttpClient Shared { get; } = new HttpClient(new HttpClientHandler { AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate })
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
    }
}
