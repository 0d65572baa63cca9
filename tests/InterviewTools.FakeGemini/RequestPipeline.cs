using System;
using System.IO;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace InterviewTools.FakeGemini;

/// <summary>Routing, auth, body parsing and dispatch, in the order Google's front end applies them.</summary>
internal sealed class RequestPipeline(ServerState state)
{
    private const string ModelsPrefix = "/v1beta/models";

    public async Task HandleAsync(HttpContext http)
    {
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, state.Stopping.Token);
        var exchange = new Exchange(http, cancellation.Token) { ReceivedAt = state.Options.Clock.GetUtcNow() };
        using var abortWatch = http.RequestAborted.Register(() =>
        {
            if (!exchange.AbortedByServer && !state.Stopping.IsCancellationRequested)
            {
                state.ClientAborted();
            }
        });
        ReplyWriter.AddCommonHeaders(http.Response);
        try
        {
            exchange.Body = await ReadBodyAsync(http.Request, cancellation.Token);
            if (!TryRoute(exchange))
            {
                await ReplyWriter.WriteBodyAsync(state, exchange, 404, "text/html; charset=UTF-8", NotFoundPage(http.Request.Path));
                return;
            }

            state.Arrived(exchange.Route!.Value);

            await DispatchAsync(exchange);
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            state.Record(exchange, 499);
            ReplyWriter.Abort(exchange);
        }
        catch (Exception) when (!http.Response.HasStarted && !exchange.Recorded)
        {
            await ReplyWriter.WriteAsync(state, exchange, FakeReply.InternalError());
        }
        finally
        {
            state.Record(exchange, http.Response.StatusCode);
        }
    }

    private async Task DispatchAsync(Exchange exchange)
    {
        if (Authenticate(exchange) is { } authFailure)
        {
            await ReplyWriter.WriteAsync(state, exchange, authFailure);
            return;
        }

        if (exchange.Route == RouteKind.ListModels)
        {
            await ModelsEndpoint.ListAsync(state, exchange);
            return;
        }

        if (exchange.Route != RouteKind.GetModel && ParseBody(exchange) is { } badBody)
        {
            await ReplyWriter.WriteAsync(state, exchange, badBody);
            return;
        }

        var model = state.Options.FindModel(exchange.Model!);
        if (model is null || model.RetiredMessage is not null)
        {
            var notFound = model?.RetiredMessage is { } retired
                ? FakeReply.Error(404, "NOT_FOUND", retired)
                : FakeReply.NotFound(exchange.Model!, exchange.NotFoundMethod);
            await ReplyWriter.WriteAsync(state, exchange, notFound);
            return;
        }

        var endpoint = exchange.Route switch
        {
            RouteKind.GetModel => ModelsEndpoint.GetAsync(state, exchange, model),
            RouteKind.CountTokens => CountTokensEndpoint.HandleAsync(state, exchange),
            _ => GenerateEndpoint.HandleAsync(state, exchange, model),
        };
        await endpoint;
    }

    private static bool TryRoute(Exchange exchange)
    {
        var request = exchange.Http.Request;
        var path = request.Path.Value ?? string.Empty;
        if (path is ModelsPrefix or ModelsPrefix + "/")
        {
            exchange.Route = RouteKind.ListModels;
            return HttpMethods.IsGet(request.Method);
        }

        if (!path.StartsWith(ModelsPrefix + "/", StringComparison.Ordinal))
        {
            return false;
        }

        var resource = path[(ModelsPrefix.Length + 1)..];
        int colon = resource.LastIndexOf(':');
        if (colon < 0)
        {
            exchange.Route = RouteKind.GetModel;
            exchange.Model = resource;
            return HttpMethods.IsGet(request.Method) && resource.Length > 0 && !resource.Contains('/');
        }

        exchange.Model = resource[..colon];
        exchange.Route = resource[(colon + 1)..] switch
        {
            "generateContent" => RouteKind.Generate,
            "streamGenerateContent" => RouteKind.StreamGenerate,
            "countTokens" => RouteKind.CountTokens,
            _ => null,
        };
        exchange.UsesSse = exchange.Route == RouteKind.StreamGenerate && request.Query["alt"] == "sse";
        return exchange.Route is not null && HttpMethods.IsPost(request.Method) && exchange.Model.Length > 0;
    }

    private FakeReply? Authenticate(Exchange exchange)
    {
        var request = exchange.Http.Request;
        string? key = request.Headers.TryGetValue("x-goog-api-key", out var header) && !string.IsNullOrEmpty(header)
            ? header.ToString()
            : request.Query["key"].ToString();
        if (string.IsNullOrEmpty(key))
        {
            return FakeReply.UnregisteredCallers();
        }

        exchange.ApiKey = key;
        state.Options.Keys.TryGetValue(key, out var project);
        exchange.Project = project;
        if (state.Options.KeyFaults.TryGetValue(key, out var fault))
        {
            var projectNumber = ProjectNumbers.For(project);
            return fault switch
            {
                KeyFault.Leaked => FakeReply.Leaked(),
                KeyFault.ServiceDisabled => FakeReply.ServiceDisabled(projectNumber),
                KeyFault.ServiceBlocked => FakeReply.ServiceBlocked(exchange.RpcMethod, projectNumber),
                KeyFault.PrepayDepleted => FakeReply.PrepayDepleted(),
                KeyFault.AccessTokenTypeUnsupported => FakeReply.AccessTokenTypeUnsupported(exchange.RpcMethod),
                _ => FakeReply.Suspended(key, projectNumber),
            };
        }

        return project is null ? FakeReply.ApiKeyInvalid() : null;
    }

    private static FakeReply? ParseBody(Exchange exchange)
    {
        try
        {
            // The document must outlive this method: responders read GenerateCall.Request during the call.
            var document = JsonDocument.Parse(exchange.Body.Length == 0 ? "{}" : exchange.Body);
            exchange.Http.Response.RegisterForDispose(document);
            exchange.Json = document.RootElement;
        }
        catch (JsonException)
        {
            const string message = "Invalid JSON payload received. Unexpected token.";
            return FakeReply.InvalidArgument(message, ErrorDetails.BadRequest([(null, message)]));
        }

        var schema = exchange.Route == RouteKind.CountTokens ? RequestMessages.CountTokensRequest : RequestMessages.GenerateContentRequest;
        return UnknownFieldValidator.ToReply(UnknownFieldValidator.Validate(exchange.Json, schema));
    }

    private static async Task<string> ReadBodyAsync(HttpRequest request, CancellationToken cancellation)
    {
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        return await reader.ReadToEndAsync(cancellation);
    }

    private static string NotFoundPage(PathString path) =>
        "<!DOCTYPE html>\n<html lang=en>\n  <meta charset=utf-8>\n  <title>Error 404 (Not Found)!!1</title>\n"
        + $"  <p><b>404.</b> <ins>That’s an error.</ins>\n  <p>The requested URL <code>{System.Net.WebUtility.HtmlEncode(path.Value)}</code> was not found on this server.  <ins>That’s all we know.</ins>\n";
}
