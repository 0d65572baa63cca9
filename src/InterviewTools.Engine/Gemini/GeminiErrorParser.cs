using System;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace InterviewTools.Engine.Gemini
{
    internal static class GeminiErrorParser
    {
        private const string TypePrefix = "type.googleapis.com/google.rpc.";
        private static readonly Regex RetryInMessage = new Regex(@"Please retry in (?<duration>[0-9.hmsuµn]+)\.?", RegexOptions.Compiled);

        public static GeminiError Parse(int httpStatus, string? reasonPhrase, string body)
        {
            var error = new GeminiError { HttpStatus = httpStatus, Code = httpStatus, Status = reasonPhrase ?? string.Empty, Message = Shorten(body) };
            try
            {
                using var document = JsonDocument.Parse(body);
                var root = document.RootElement;
                if (root.ValueKind == JsonValueKind.Array && root.GetArrayLength() > 0) root = root[0];
                if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("error", out var status) && status.ValueKind == JsonValueKind.Object)
                {
                    ReadStatus(status, error);
                    error.BodyWasJson = true;
                }
            }
            catch (JsonException)
            {
                error.BodyWasJson = false;
            }
            if (error.Message.Length == 0) error.Message = reasonPhrase ?? $"HTTP {httpStatus}";
            var retryIn = RetryInMessage.Match(error.Message);
            if (retryIn.Success && GoDuration.TryParse(retryIn.Groups["duration"].Value.TrimEnd('.'), out var precise))
            {
                error.RetryDelayFromMessage = precise;
            }
            return error;
        }

        private static void ReadStatus(JsonElement status, GeminiError error)
        {
            if (status.TryGetProperty("code", out var code) && code.ValueKind == JsonValueKind.Number) error.Code = code.GetInt32();
            error.Status = StringOf(status, "status") ?? error.Status;
            error.Message = StringOf(status, "message") ?? string.Empty;
            if (!status.TryGetProperty("details", out var details) || details.ValueKind != JsonValueKind.Array) return;
            foreach (var detail in details.EnumerateArray())
            {
                if (detail.ValueKind != JsonValueKind.Object) continue;
                var type = StringOf(detail, "@type") ?? string.Empty;
                var name = type.StartsWith(TypePrefix, StringComparison.Ordinal) ? type.Substring(TypePrefix.Length) : type;
                switch (name)
                {
                    case "RetryInfo":
                        if (GoDuration.TryParse(StringOf(detail, "retryDelay") ?? string.Empty, out var delay)) error.RetryDelay = delay;
                        break;
                    case "QuotaFailure":
                        ReadQuotaFailure(detail, error);
                        break;
                    case "ErrorInfo":
                        error.ErrorInfo = ReadErrorInfo(detail);
                        break;
                    case "LocalizedMessage":
                        error.LocalizedMessage = StringOf(detail, "message");
                        break;
                    case "Help":
                        ReadHelp(detail, error);
                        break;
                    case "BadRequest":
                        ReadBadRequest(detail, error);
                        break;
                }
            }
        }

        private static void ReadQuotaFailure(JsonElement detail, GeminiError error)
        {
            if (!detail.TryGetProperty("violations", out var violations) || violations.ValueKind != JsonValueKind.Array) return;
            foreach (var v in violations.EnumerateArray())
            {
                var violation = new QuotaViolation
                {
                    QuotaMetric = StringOf(v, "quotaMetric"),
                    QuotaId = StringOf(v, "quotaId"),
                    QuotaValue = Int64Of(v, "quotaValue"),
                };
                if (v.TryGetProperty("quotaDimensions", out var dimensions) && dimensions.ValueKind == JsonValueKind.Object)
                {
                    violation.Model = StringOf(dimensions, "model");
                    violation.Location = StringOf(dimensions, "location");
                }
                error.QuotaViolations.Add(violation);
            }
        }

        private static ErrorInfo ReadErrorInfo(JsonElement detail)
        {
            var info = new ErrorInfo { Reason = StringOf(detail, "reason"), Domain = StringOf(detail, "domain") };
            if (detail.TryGetProperty("metadata", out var metadata) && metadata.ValueKind == JsonValueKind.Object)
            {
                foreach (var entry in metadata.EnumerateObject())
                {
                    if (entry.Value.ValueKind == JsonValueKind.String) info.Metadata[entry.Name] = entry.Value.GetString()!;
                }
            }
            return info;
        }

        private static void ReadHelp(JsonElement detail, GeminiError error)
        {
            if (!detail.TryGetProperty("links", out var links) || links.ValueKind != JsonValueKind.Array) return;
            foreach (var link in links.EnumerateArray())
            {
                var url = StringOf(link, "url");
                if (url != null) error.HelpLinks.Add(url);
            }
        }

        private static void ReadBadRequest(JsonElement detail, GeminiError error)
        {
            if (!detail.TryGetProperty("fieldViolations", out var violations) || violations.ValueKind != JsonValueKind.Array) return;
            foreach (var v in violations.EnumerateArray())
            {
                error.FieldViolations.Add(new FieldViolation { Field = StringOf(v, "field"), Description = StringOf(v, "description") });
            }
        }

        private static string? StringOf(JsonElement element, string name) =>
            element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

        private static long Int64Of(JsonElement element, string name)
        {
            if (!element.TryGetProperty(name, out var value)) return 0;
            if (value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number)) return number;
            return value.ValueKind == JsonValueKind.String && long.TryParse(value.GetString(), out var parsed) ? parsed : 0;
        }

        private static string Shorten(string body)
        {
            var oneLine = (body ?? string.Empty).Trim();
            return oneLine.Length <= 300 ? oneLine : oneLine.Substring(0, 300) + "…";
        }
    }
}
