using System;
using System.Linq;
using InterviewTools.Engine.Summaries;
using Polly.Timeout;

namespace InterviewTools.Engine.Gemini
{
    /// <summary>Reads what went wrong from the HTTP status and the google.rpc details first, and the message text last.</summary>
    public static class FailureClassifier
    {
        private static readonly string[] KeyRejectionReasons = { "API_KEY_INVALID", "API_KEY_SERVICE_BLOCKED", "SERVICE_DISABLED", "CONSUMER_SUSPENDED" };

        /// <summary>What the service or the network did, as opposed to a bug here, which must surface as itself.</summary>
        public static bool IsServiceFailure(Exception exception) =>
            exception is GeminiApiException || exception is GeminiTransportException || exception is GeminiMalformedResponseException || exception is TimeoutRejectedException;

        public static bool IsTransient(Exception exception) => exception switch
        {
            GeminiApiException api => api.HttpStatus == 500 || api.HttpStatus == 502 || api.HttpStatus == 503 || api.HttpStatus == 504,
            GeminiTransportException _ => true,
            GeminiMalformedResponseException _ => true,
            TimeoutRejectedException _ => true,
            _ => false,
        };

        public static SummaryFailure Classify(Exception exception, TimeSpan timeout) => exception switch
        {
            GeminiApiException api => Classify(api.Error),
            TimeoutRejectedException _ => new SummaryFailure(FailureKind.TimedOut, $"No answer within {timeout.TotalSeconds:0.#} s (-TimeoutSec)."),
            GeminiTransportException transport => new SummaryFailure(FailureKind.NetworkError, transport.Message),
            GeminiMalformedResponseException malformed => new SummaryFailure(FailureKind.ServerError, malformed.Message),
            _ => throw new ArgumentException($"{exception.GetType().Name} is not a service failure.", nameof(exception)),
        };

        public static SummaryFailure Classify(GeminiError error)
        {
            var message = $"{error.HttpStatus} {error.Status}: {error.Message}";
            var reason = error.ErrorInfo?.Reason;
            if (error.HttpStatus == 429) return new SummaryFailure(FailureKind.QuotaExhausted, message, 429);
            if (error.HttpStatus == 402 || error.HttpStatus == 403 || (reason != null && KeyRejectionReasons.Contains(reason)))
            {
                return new SummaryFailure(FailureKind.KeyRejected, message, error.HttpStatus);
            }
            if (error.HttpStatus == 404) return new SummaryFailure(FailureKind.ModelNotFound, message, 404);
            if (error.HttpStatus == 400 && error.Message.IndexOf("input token count", StringComparison.OrdinalIgnoreCase) >= 0)
            {
                return new SummaryFailure(FailureKind.InputTooLong, message, 400);
            }
            if (error.HttpStatus >= 500) return new SummaryFailure(FailureKind.ServerError, message, error.HttpStatus);
            return new SummaryFailure(FailureKind.InvalidRequest, message, error.HttpStatus);
        }
    }
}
