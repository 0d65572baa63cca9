using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;

namespace InterviewTools.FakeGemini;

/// <summary>streamGenerateContent framing: SSE <c>data: {json}\r\n\r\n</c> with alt=sse, otherwise one streamed JSON array.</summary>
internal static class StreamWriter
{
    public static async Task WriteAsync(ServerState state, Exchange exchange, FakeReply reply, List<JsonObject> chunks)
    {
        state.Record(exchange, 200);
        var response = exchange.Http.Response;
        response.StatusCode = 200;
        if (exchange.UsesSse)
        {
            response.ContentType = "text/event-stream";
            response.Headers.ContentDisposition = "attachment";
        }
        else
        {
            response.ContentType = ReplyWriter.JsonContentType;
        }

        for (int i = 0; i < chunks.Count; i++)
        {
            await WriteAsync(exchange, Frame(exchange, chunks[i], first: i == 0, last: false));
            if (i == 0 && reply.Break == StreamBreak.DropAfterFirstChunk)
            {
                await ReplyWriter.AbortAfterDrainAsync(exchange);
                return;
            }

            if (i == 0 && reply.Break == StreamBreak.ErrorAfterFirstChunk)
            {
                var error = JsonNode.Parse(reply.BreakError!.Body!)!;
                await WriteAsync(exchange, Frame(exchange, error, first: false, last: true));
                return;
            }
        }

        if (!exchange.UsesSse)
        {
            await WriteAsync(exchange, "]");
        }
    }

    /// <summary>Unary "dropped mid-stream": headers promise the full body, half of it arrives, then the connection dies.</summary>
    public static async Task WriteTruncatedAsync(ServerState state, Exchange exchange, string body)
    {
        state.Record(exchange, 200);
        var bytes = Encoding.UTF8.GetBytes(body);
        var response = exchange.Http.Response;
        response.StatusCode = 200;
        response.ContentType = ReplyWriter.JsonContentType;
        response.ContentLength = bytes.Length;
        await response.Body.WriteAsync(bytes.AsMemory(0, bytes.Length / 2), exchange.Cancellation);
        await response.Body.FlushAsync(exchange.Cancellation);
        await ReplyWriter.AbortAfterDrainAsync(exchange);
    }

    private static string Frame(Exchange exchange, JsonNode chunk, bool first, bool last)
    {
        if (exchange.UsesSse)
        {
            return "data: " + WireJson.CompactText(chunk) + "\r\n\r\n";
        }

        var element = chunk.ToJsonString(WireJson.Pretty);
        return (first ? "[" : ",\r\n") + element + (last ? "]" : string.Empty);
    }

    private static async Task WriteAsync(Exchange exchange, string text)
    {
        var body = exchange.Http.Response.Body;
        await body.WriteAsync(Encoding.UTF8.GetBytes(text), exchange.Cancellation);
        await body.FlushAsync(exchange.Cancellation);
    }
}
