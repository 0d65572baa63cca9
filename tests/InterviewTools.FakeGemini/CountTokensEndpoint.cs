using System.Text.Json.Nodes;
using System.Threading.Tasks;

namespace InterviewTools.FakeGemini;

/// <summary>POST :countTokens, both body forms (§6): bare contents, or a whole generateContentRequest.</summary>
internal static class CountTokensEndpoint
{
    public static Task HandleAsync(ServerState state, Exchange exchange)
    {
        var body = exchange.Json;
        int tokens = ProtoFields.TryGet(body, "generateContentRequest", out var inner)
            ? GenerateRequestReader.PromptTokens(inner, includeSystemAndTools: true)
            : GenerateRequestReader.PromptTokens(body, includeSystemAndTools: false);

        var response = new JsonObject();
        if (tokens > 0)
        {
            response["totalTokens"] = tokens;
            response["promptTokensDetails"] = new JsonArray(new JsonObject { ["modality"] = "TEXT", ["tokenCount"] = tokens });
        }

        return ReplyWriter.WriteBodyAsync(state, exchange, 200, ReplyWriter.JsonContentType, WireJson.PrettyBody(response));
    }
}
