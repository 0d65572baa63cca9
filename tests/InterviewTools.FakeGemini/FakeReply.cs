using System;
using System.Text.Json.Nodes;

namespace InterviewTools.FakeGemini;

internal enum FakeReplyKind
{
    Text,
    Finish,
    Blocked,
    Body,
    Drop,
    Slow,
}

internal enum StreamBreak
{
    None,
    DropAfterFirstChunk,
    ErrorAfterFirstChunk,
}

/// <summary>A scripted answer to one generate call. Immutable, so one instance can be returned many times.</summary>
public sealed partial class FakeReply
{
    private FakeReply(FakeReplyKind kind, int status)
    {
        Kind = kind;
        Status = status;
    }

    /// <summary>The HTTP status this reply produces (0 when the connection is dropped without a response).</summary>
    public int Status { get; }

    internal FakeReplyKind Kind { get; }

    internal string? Text { get; private init; }

    internal string? FinishReason { get; private init; }

    internal string? BlockReason { get; private init; }

    internal string? Body { get; private init; }

    internal string ContentType { get; private init; } = "application/json; charset=UTF-8";

    internal TimeSpan Delay { get; private init; }

    internal FakeReply? Then { get; private init; }

    internal StreamBreak Break { get; private init; }

    internal FakeReply? BreakError { get; private init; }

    /// <summary>200 whose candidate text is <paramref name="modelJsonText"/>; still subject to maxOutputTokens.</summary>
    public static FakeReply Json(string modelJsonText) => Answer(modelJsonText);

    /// <summary>200 with a plain-text answer; still subject to maxOutputTokens.</summary>
    public static FakeReply Answer(string text) => new(FakeReplyKind.Text, 200) { Text = text };

    /// <summary>200 with this finishReason; no parts when <paramref name="text"/> is null (SAFETY, RECITATION, MAX_TOKENS…).</summary>
    public static FakeReply Finish(string finishReason, string? text = null) =>
        new(FakeReplyKind.Finish, 200) { FinishReason = finishReason, Text = text };

    /// <summary>200, finishReason STOP, content present but without parts.</summary>
    public static FakeReply EmptyParts() => Finish("STOP");

    /// <summary>200 with promptFeedback.blockReason and no candidates.</summary>
    public static FakeReply BlockedPrompt(string reason = "PROHIBITED_CONTENT") =>
        new(FakeReplyKind.Blocked, 200) { BlockReason = reason };

    /// <summary>Any body verbatim, e.g. an HTML proxy page or truncated JSON.</summary>
    public static FakeReply RawBody(int status, string contentType, string body) =>
        new(FakeReplyKind.Body, status) { Body = body, ContentType = contentType };

    /// <summary>Aborts the TCP connection without any response.</summary>
    public static FakeReply DropConnection() => new(FakeReplyKind.Drop, 0);

    /// <summary>Sends part of the answer, then aborts the connection (stream: after the first event).</summary>
    public static FakeReply DropMidStream(string text = "partial answer that never finishes") =>
        new(FakeReplyKind.Text, 200) { Text = text, Break = StreamBreak.DropAfterFirstChunk };

    /// <summary>Stream: first event, then <c>data: {"error":…}</c> and close. Unary: just <paramref name="error"/>.</summary>
    public static FakeReply ErrorMidStream(FakeReply error, string text = "partial answer before an error")
    {
        if (error.Kind != FakeReplyKind.Body)
        {
            throw new ArgumentException("Mid-stream error must be an error body reply.", nameof(error));
        }

        return new(FakeReplyKind.Text, 200) { Text = text, Break = StreamBreak.ErrorAfterFirstChunk, BreakError = error };
    }

    /// <summary>Waits <paramref name="delay"/> (real time, honouring client abort), then answers <paramref name="then"/>.</summary>
    public static FakeReply Slow(TimeSpan delay, FakeReply then) =>
        new(FakeReplyKind.Slow, then.Status) { Delay = delay, Then = then };

    /// <summary>The google.rpc.Status envelope, pretty-printed exactly as Google does.</summary>
    public static FakeReply Error(int status, string statusName, string message, params JsonObject[] details)
    {
        var error = new JsonObject
        {
            ["code"] = status,
            ["message"] = message,
            ["status"] = statusName,
        };
        if (details.Length > 0)
        {
            var list = new JsonArray();
            foreach (var detail in details)
            {
                list.Add(detail.DeepClone());
            }

            error["details"] = list;
        }

        return new(FakeReplyKind.Body, status) { Body = WireJson.PrettyBody(new JsonObject { ["error"] = error }) };
    }
}
