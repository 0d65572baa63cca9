using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace InterviewTools.Engine.Gemini
{
    internal static class GeminiJson
    {
        /// <summary>Nulls are left out because the API rejects fields it does not expect; unknown response fields are ignored.</summary>
        public static readonly JsonSerializerOptions Options = new JsonSerializerOptions
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            PropertyNameCaseInsensitive = false,
        };
    }
}
