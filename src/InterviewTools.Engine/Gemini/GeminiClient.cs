using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using InterviewTools.Engine.Gemini.Wire;
using InterviewTools.Engine.Common;

namespace InterviewTools.Engine.Gemini
{
    /// <summary>
    /// The four Gemini REST calls the module needs. Each call is one HTTP exchange: retrying is the caller's choice.
    /// The key travels only in the <c>x-goog-api-key</c> header.
    /// </summary>
    internal sealed class GeminiClient
    {
        private const string ApiKeyHeader = "x-goog-api-key";
        private const int MaxListPageSize = 1000;
        private readonly HttpClient _http;

        public GeminiClient(HttpClient http, GeminiEndpoint endpoint)
        {
            _http = http;
            Endpoint = endpoint;
        }

        public GeminiEndpoint Endpoint { get; }

        public Task<GenerateContentResponse> GenerateContentAsync(string model, GenerateContentRequest request, ApiKey key, CancellationToken cancellationToken) =>
            SendAsync<GenerateContentResponse>(HttpMethod.Post, Endpoint.ModelMethod(model, "generateContent"), request, key, cancellationToken);

        public async Task<int> CountTokensAsync(string model, GenerateContentRequest request, ApiKey key, CancellationToken cancellationToken)
        {
            var body = new CountTokensRequest
            {
                GenerateContentRequest = new GenerateContentRequest
                {
                    Model = "models/" + ModelId.Bare(model),
                    SystemInstruction = request.SystemInstruction,
                    Contents = request.Contents,
                },
            };
            var response = await SendAsync<CountTokensResponse>(HttpMethod.Post, Endpoint.ModelMethod(model, "countTokens"), body, key, cancellationToken).ConfigureAwait(false);
            return response.TotalTokens;
        }

        public Task<ModelInfo> GetModelAsync(string model, ApiKey key, CancellationToken cancellationToken) =>
            SendAsync<ModelInfo>(HttpMethod.Get, Endpoint.Model(model), null, key, cancellationToken);

        public async Task<IReadOnlyList<ModelInfo>> ListModelsAsync(ApiKey key, CancellationToken cancellationToken, int pageSize = MaxListPageSize)
        {
            var models = new List<ModelInfo>();
            string? pageToken = null;
            do
            {
                var page = await SendAsync<ListModelsResponse>(HttpMethod.Get, Endpoint.Models(pageSize, pageToken), null, key, cancellationToken).ConfigureAwait(false);
                if (page.Models != null) models.AddRange(page.Models);
                pageToken = page.NextPageToken;
            }
            while (!string.IsNullOrEmpty(pageToken));
            return models;
        }

        private async Task<T> SendAsync<T>(HttpMethod method, Uri uri, object? body, ApiKey key, CancellationToken cancellationToken)
            where T : class
        {
            using var request = new HttpRequestMessage(method, uri);
            request.Headers.TryAddWithoutValidation(ApiKeyHeader, key.Secret);
            if (body != null)
            {
                var json = JsonSerializer.Serialize(body, body.GetType(), GeminiJson.Options);
                request.Content = new StringContent(json, Encoding.UTF8, "application/json");
            }

            string text;
            HttpResponseMessage response;
            try
            {
                response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
                text = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (Exception e) when (e is HttpRequestException || e is IOException || e is OperationCanceledException)
            {
                throw new GeminiTransportException(key.Scrub($"The request to {Describe(uri)} failed: {Innermost(e).Message}"), e,
                    ConnectionFault.IsUnreachable(e) ? Endpoint : null);
            }

            using (response)
            {
                if (!response.IsSuccessStatusCode)
                {
                    var error = GeminiErrorParser.Parse((int)response.StatusCode, response.ReasonPhrase, text);
                    error.Message = key.Scrub(error.Message);
                    throw new GeminiApiException(error);
                }
                try
                {
                    return JsonSerializer.Deserialize<T>(text, GeminiJson.Options)
                        ?? throw new GeminiMalformedResponseException($"{Describe(uri)} answered {(int)response.StatusCode} with an empty body.");
                }
                catch (JsonException e)
                {
                    throw new GeminiMalformedResponseException($"{Describe(uri)} answered {(int)response.StatusCode} with a body that is not valid JSON ({e.Message}).");
                }
            }
        }

        private static string Describe(Uri uri) => uri.GetLeftPart(UriPartial.Path);

        private static Exception Innermost(Exception e)
        {
            while (e.InnerException != null) e = e.InnerException;
            return e;
        }
    }
}
