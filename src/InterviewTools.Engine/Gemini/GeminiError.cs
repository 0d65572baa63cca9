using System;
using System.Collections.Generic;

namespace InterviewTools.Engine.Gemini
{
    /// <summary>A <c>google.rpc.Status</c> error body with its details read by <c>@type</c>.</summary>
    internal sealed class GeminiError
    {
        public int HttpStatus { get; set; }
        public int Code { get; set; }
        public string Status { get; set; } = string.Empty;
        public string Message { get; set; } = string.Empty;
        public TimeSpan? RetryDelay { get; set; }
        public TimeSpan? RetryDelayFromMessage { get; set; }
        public List<QuotaViolation> QuotaViolations { get; } = new List<QuotaViolation>();
        public ErrorInfo? ErrorInfo { get; set; }
        public string? LocalizedMessage { get; set; }
        public List<string> HelpLinks { get; } = new List<string>();
        public List<FieldViolation> FieldViolations { get; } = new List<FieldViolation>();
        public bool BodyWasJson { get; set; }
    }

    internal sealed class QuotaViolation
    {
        public string? QuotaMetric { get; set; }
        public string? QuotaId { get; set; }
        public string? Model { get; set; }
        public string? Location { get; set; }
        /// <summary>The limit; the server omits it when it is 0, so a missing value reads as 0.</summary>
        public long QuotaValue { get; set; }
    }

    internal sealed class ErrorInfo
    {
        public string? Reason { get; set; }
        public string? Domain { get; set; }
        public Dictionary<string, string> Metadata { get; } = new Dictionary<string, string>();
    }

    internal sealed class FieldViolation
    {
        public string? Field { get; set; }
        public string? Description { get; set; }
    }
}
