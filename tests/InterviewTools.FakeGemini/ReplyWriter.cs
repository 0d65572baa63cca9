using System;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace InterviewTools.FakeGemini;

/// <summary>Writes non-answer replies (error bodies, raw bodies, dropped connections) and the common headers.</summary>
internal static class ReplyWriter
{
    public const string JsonContentType = "application/json; charset=UTF-8";

    private static readonly TimeSpan OutputDrainTime = TimeSpan.FromMilliseconds(50);

    public static async Task WriteAsync(ServerState state, Exchange exchange, FakeReply reply)
    {
        if (reply.Kind == FakeReplyKind.Drop)
        {
            state.Record(exchange, 0);
            Abort(exchange);
            return;
        }

        // Google labels pre-stream errors on the SSE route as text/event-stream (recorded 404).
        var contentType = exchange.UsesSse && reply.ContentType == JsonContentType ? "text/event-stream" : reply.ContentType;
        await WriteBodyAsync(state, exchange, reply.Status, contentType, reply.Body ?? string.Empty);
    }

    public static async Task WriteBodyAsync(ServerState state, Exchange exchange, int status, string contentType, string body)
    {
        state.Record(exchange, status);
        var bytes = Encoding.UTF8.GetBytes(body);
        var response = exchange.Http.Response;
        response.StatusCode = status;
        response.ContentType = contentType;
        response.ContentLength = bytes.Length;
        await response.Body.WriteAsync(bytes, exchange.Cancellation);
    }

    public static void AddCommonHeaders(HttpResponse response)
    {
        response.Headers["Server"] = "scaffolding on HTTPServer2";
        response.Headers["Vary"] = "Origin, X-Origin, Referer";
        response.Headers["X-Content-Type-Options"] = "nosniff";
        response.Headers["X-Frame-Options"] = "SAMEORIGIN";
        response.Headers["X-XSS-Protection"] = "0";
    }

    public static void Abort(Exchange exchange)
    {
        exchange.AbortedByServer = true;
        exchange.Http.Abort();
    }

    /// <summary>Aborts after what was already written has left Kestrel; an immediate abort would discard it.</summary>
    public static async Task AbortAfterDrainAsync(Exchange exchange)
    {
        await Task.Delay(OutputDrainTime, CancellationToken.None);
        Abort(exchange);
    }
}
