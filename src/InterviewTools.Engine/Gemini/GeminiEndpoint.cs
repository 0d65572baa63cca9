using System;

namespace InterviewTools.Engine.Gemini
{
    internal sealed class GeminiEndpoint
    {
        public const string DefaultBaseUrl = "https://generativelanguage.googleapis.com";
        public const string BaseUrlVariable = "GOOGLE_GEMINI_BASE_URL";
        public const string ApiVersion = "v1beta";

        private GeminiEndpoint(Uri baseUrl)
        {
            BaseUrl = baseUrl;
        }

        public Uri BaseUrl { get; }

        public static GeminiEndpoint Default { get; } = new GeminiEndpoint(new Uri(DefaultBaseUrl));

        /// <summary>Reads the SDKs' own override variable so the same setting points every Gemini tool at a proxy or a fake.</summary>
        public static GeminiEndpoint FromEnvironment() => Parse(Environment.GetEnvironmentVariable(BaseUrlVariable));

        public static GeminiEndpoint Parse(string? baseUrl)
        {
            if (string.IsNullOrWhiteSpace(baseUrl)) return Default;
            if (!Uri.TryCreate(baseUrl!.Trim().TrimEnd('/'), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            {
                throw new ArgumentException($"'{baseUrl}' is not an http or https URL. Set {BaseUrlVariable} to a base URL such as {DefaultBaseUrl}.");
            }
            if (!string.IsNullOrEmpty(uri.Query))
            {
                throw new ArgumentException($"The Gemini base URL must not carry a query string (keys go in a header, never in a URL): '{uri.GetLeftPart(UriPartial.Path)}'.");
            }
            return new GeminiEndpoint(uri);
        }

        public Uri ModelMethod(string model, string method) => Build($"models/{Uri.EscapeDataString(ModelId.Bare(model))}:{method}");

        public Uri Model(string model) => Build($"models/{Uri.EscapeDataString(ModelId.Bare(model))}");

        public Uri Models(int pageSize, string? pageToken) =>
            Build($"models?pageSize={pageSize}" + (string.IsNullOrEmpty(pageToken) ? string.Empty : "&pageToken=" + Uri.EscapeDataString(pageToken)));

        private Uri Build(string relative) => new Uri(BaseUrl.AbsoluteUri.TrimEnd('/') + "/" + ApiVersion + "/" + relative);

        public override string ToString() => BaseUrl.AbsoluteUri.TrimEnd('/');
    }
}
