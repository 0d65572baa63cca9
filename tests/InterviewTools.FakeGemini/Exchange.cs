using System;
using System.Text.Json;
using System.Threading;
using Microsoft.AspNetCore.Http;

namespace InterviewTools.FakeGemini;

/// <summary>Per-request state shared by the pipeline stages.</summary>
internal sealed class Exchange(HttpContext http, CancellationToken cancellation)
{
    public HttpContext Http { get; } = http;

    /// <summary>Client disconnect or server shutdown.</summary>
    public CancellationToken Cancellation { get; } = cancellation;

    public DateTimeOffset ReceivedAt { get; init; }

    public RouteKind? Route { get; set; }

    public string? Model { get; set; }

    public string? ApiKey { get; set; }

    public string? Project { get; set; }

    public string Body { get; set; } = string.Empty;

    public JsonElement Json { get; set; }

    public bool UsesSse { get; set; }

    public bool IsGenerate => Route is RouteKind.Generate or RouteKind.StreamGenerate;

    /// <summary>Set before the fake aborts the connection itself, so it is not counted as a client abort.</summary>
    public bool AbortedByServer { get; set; }

    public bool Recorded { get; set; }

    /// <summary>The gRPC method name Google puts in API_KEY_SERVICE_BLOCKED messages.</summary>
    public string RpcMethod => Route switch
    {
        RouteKind.Generate => "GenerativeService.GenerateContent",
        RouteKind.StreamGenerate => "GenerativeService.StreamGenerateContent",
        RouteKind.CountTokens => "GenerativeService.CountTokens",
        RouteKind.ListModels => "ModelService.ListModels",
        _ => "ModelService.GetModel",
    };

    /// <summary>The method word in the 404 template (recorded: generateContent for both generate routes).</summary>
    public string NotFoundMethod => Route switch
    {
        RouteKind.CountTokens => "countTokens",
        RouteKind.GetModel => "getModel",
        _ => "generateContent",
    };
}
