using System;
using System.Collections.Generic;

namespace InterviewTools.FakeGemini;

/// <summary>One request as the fake received it, with the status it answered (0 = connection dropped, 499 = client went away).</summary>
public sealed record RecordedRequest
{
    public required string Method { get; init; }

    public required string Path { get; init; }

    /// <summary>Query string including the leading '?', or empty.</summary>
    public required string Query { get; init; }

    /// <summary>The request-target exactly as sent on the request line, e.g. <c>/v1beta/models/x:generateContent?alt=sse</c>.</summary>
    public required string RawTarget { get; init; }

    /// <summary><see cref="FakeGeminiServer.BaseUrl"/> + <see cref="RawTarget"/>: what a log line would show.</summary>
    public required string Url { get; init; }

    public required IReadOnlyDictionary<string, string> Headers { get; init; }

    public RouteKind? Route { get; init; }

    public string? Model { get; init; }

    /// <summary>The <c>x-goog-api-key</c> header value as received; null when absent.</summary>
    public string? ApiKeyHeader { get; init; }

    /// <summary>True when the key came as <c>?key=</c>, which puts it in URLs and logs.</summary>
    public bool KeyInQuery { get; init; }

    public string? Project { get; init; }

    public required string Body { get; init; }

    public int Status { get; init; }

    /// <summary>Arrival time on <see cref="FakeGeminiOptions.Clock"/>.</summary>
    public DateTimeOffset ReceivedAt { get; init; }
}
