using System;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace InterviewTools.FakeGemini.Tests;

/// <summary>Raw HTTP against the fake, the way the real client talks to Google.</summary>
internal static class Gemini
{
    public const string Key = "test-key-1";

    public static readonly HttpClient Http = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromSeconds(5) })
    {
        Timeout = TimeSpan.FromSeconds(15),
    };

    public static string TextRequest(string text) =>
        JsonSerializer.Serialize(new { contents = new[] { new { role = "user", parts = new[] { new { text } } } } });

    public static Task<HttpResponseMessage> GenerateAsync(FakeGeminiServer server, string body, string model = "gemini-2.5-flash", string? key = Key, CancellationToken cancellation = default) =>
        PostAsync(server, $"/v1beta/models/{model}:generateContent", body, key, cancellation);

    public static Task<HttpResponseMessage> PostAsync(FakeGeminiServer server, string pathAndQuery, string body, string? key = Key, CancellationToken cancellation = default)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, server.BaseUrl + pathAndQuery)
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        if (key is not null)
        {
            request.Headers.Add("x-goog-api-key", key);
        }

        return Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellation);
    }

    public static Task<HttpResponseMessage> GetAsync(FakeGeminiServer server, string pathAndQuery, string? key = Key)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, server.BaseUrl + pathAndQuery);
        if (key is not null)
        {
            request.Headers.Add("x-goog-api-key", key);
        }

        return Http.SendAsync(request);
    }

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.Clone();
    }

    /// <summary>candidates[0].content.parts[0].text of a unary response.</summary>
    public static async Task<string> AnswerTextAsync(HttpResponseMessage response)
    {
        var json = await JsonAsync(response);
        return json.GetProperty("candidates")[0].GetProperty("content").GetProperty("parts")[0].GetProperty("text").GetString()!;
    }

    public static async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("Timed out waiting until " + what);
            }

            await Task.Delay(10);
        }
    }
}
