using System;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;

namespace InterviewTools.FakeGemini;

/// <summary>GET /v1beta/models (paged) and GET /v1beta/models/{m}.</summary>
internal static class ModelsEndpoint
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 1000;

    public static async Task ListAsync(ServerState state, Exchange exchange)
    {
        var query = exchange.Http.Request.Query;
        int pageSize = int.TryParse(query["pageSize"], NumberStyles.Integer, CultureInfo.InvariantCulture, out int requested) && requested > 0
            ? Math.Min(requested, MaxPageSize)
            : DefaultPageSize;
        var token = query["pageToken"].ToString();
        int offset = 0;
        if (token.Length > 0 && !TryDecodeToken(token, out offset))
        {
            await ReplyWriter.WriteAsync(state, exchange, FakeReply.InvalidArgument("Invalid page token."));
            return;
        }

        var listed = state.Options.Models.Where(m => m.RetiredMessage is null).ToList();
        var models = new JsonArray();
        foreach (var model in listed.Skip(offset).Take(pageSize))
        {
            models.Add(ModelJson.For(model));
        }

        var body = new JsonObject { ["models"] = models };
        if (offset + pageSize < listed.Count)
        {
            body["nextPageToken"] = EncodeToken(offset + pageSize);
        }

        await ReplyWriter.WriteBodyAsync(state, exchange, 200, ReplyWriter.JsonContentType, WireJson.PrettyBody(body));
    }

    public static Task GetAsync(ServerState state, Exchange exchange, FakeModel model) =>
        ReplyWriter.WriteBodyAsync(state, exchange, 200, ReplyWriter.JsonContentType, WireJson.PrettyBody(ModelJson.For(model)));

    private static string EncodeToken(int offset) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes("models/" + offset.ToString(CultureInfo.InvariantCulture))).TrimEnd('=');

    private static bool TryDecodeToken(string token, out int offset)
    {
        offset = 0;
        try
        {
            var padded = token.PadRight(token.Length + ((4 - (token.Length % 4)) % 4), '=');
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(padded));
            return text.StartsWith("models/", StringComparison.Ordinal)
                && int.TryParse(text["models/".Length..], NumberStyles.None, CultureInfo.InvariantCulture, out offset);
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
