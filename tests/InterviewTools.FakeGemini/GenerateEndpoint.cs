using System;
using System.Threading.Tasks;

namespace InterviewTools.FakeGemini;

/// <summary>generateContent and streamGenerateContent: validation, hold gate, latency, quota, then the reply.</summary>
internal static class GenerateEndpoint
{
    public static async Task HandleAsync(ServerState state, Exchange exchange, FakeModel model)
    {
        if (GenerateRequestReader.Validate(exchange.Json) is { } invalid)
        {
            await ReplyWriter.WriteAsync(state, exchange, invalid);
            return;
        }

        var call = GenerateRequestReader.Read(exchange.Json, model.Id, exchange.Project!, exchange.ApiKey!, exchange.Route == RouteKind.StreamGenerate);
        if (call.PromptTokens > model.InputTokenLimit)
        {
            await ReplyWriter.WriteAsync(state, exchange, FakeReply.InputTooLong(call.PromptTokens, model.InputTokenLimit));
            return;
        }

        await WaitWhileHeldAsync(state, exchange);
        var latency = state.Options.LatencyMax > state.Options.Latency
            ? state.Options.Latency + (state.Options.LatencyMax - state.Options.Latency) * Random.Shared.NextDouble()
            : state.Options.Latency;
        if (latency > TimeSpan.Zero)
        {
            await Task.Delay(latency, exchange.Cancellation);
        }

        if (state.Quota.TryAcquire(call.Project, model.Id, call.PromptTokens, out var lease) is { } refusal)
        {
            await ReplyWriter.WriteAsync(state, exchange, refusal);
            return;
        }

        bool answered = false;
        try
        {
            var reply = state.DequeueFor(model.Id) ?? state.Responder?.Invoke(call) ?? SchemaEchoResponder.Respond(call);
            while (reply.Kind == FakeReplyKind.Slow)
            {
                await Task.Delay(reply.Delay, exchange.Cancellation);
                reply = reply.Then!;
            }

            if (reply.Kind is FakeReplyKind.Text or FakeReplyKind.Finish or FakeReplyKind.Blocked)
            {
                answered = true;
                await AnswerAsync(state, exchange, call, model, reply);
            }
            else
            {
                answered = reply.Status == 200;
                await ReplyWriter.WriteAsync(state, exchange, reply);
            }
        }
        finally
        {
            if (!answered)
            {
                state.Quota.Release(lease!);
            }
        }
    }

    private static async Task WaitWhileHeldAsync(ServerState state, Exchange exchange)
    {
        if (!state.Gate.IsHeld)
        {
            return;
        }

        state.GenerateWaiting(1);
        try
        {
            await state.Gate.WaitOpenAsync(exchange.Cancellation);
        }
        finally
        {
            state.GenerateWaiting(-1);
        }
    }

    private static Task AnswerAsync(ServerState state, Exchange exchange, GenerateCall call, FakeModel model, FakeReply reply)
    {
        var plan = AnswerPlan.For(reply, call, model);
        var responseId = state.ResponseIds.Next();
        if (call.Streaming)
        {
            return StreamWriter.WriteAsync(state, exchange, reply, ResponseJson.Chunks(plan, model.Id, responseId));
        }

        return reply.Break switch
        {
            StreamBreak.ErrorAfterFirstChunk => ReplyWriter.WriteAsync(state, exchange, reply.BreakError!),
            StreamBreak.DropAfterFirstChunk => StreamWriter.WriteTruncatedAsync(state, exchange, WireJson.PrettyBody(ResponseJson.Unary(plan, model.Id, responseId))),
            _ => ReplyWriter.WriteBodyAsync(state, exchange, 200, ReplyWriter.JsonContentType, WireJson.PrettyBody(ResponseJson.Unary(plan, model.Id, responseId))),
        };
    }
}
