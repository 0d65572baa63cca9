using System;

namespace InterviewTools.Engine.Policy
{
    public enum FailureKind
    {
        PromptBlocked,
        ResponseBlocked,
        AnswerTruncated,
        EmptyAnswer,
        InvalidAnswer,
        InputTooLong,
        QuotaExhausted,
        KeyRejected,
        ModelNotFound,
        InvalidRequest,
        ServerError,
        NetworkError,
        TimedOut,
        NoUsableKey,
        NoUsableModel,

        /// <summary>401 ACCESS_TOKEN_TYPE_UNSUPPORTED: the endpoint does not take this kind of key (say an AQ. auth key), which is not the key's fault.</summary>
        KeyTypeUnsupported,

        /// <summary>No connection to the endpoint could be made (refused, no such host, TLS) after the retries: the run stops.</summary>
        EndpointUnreachable,
    }

    public sealed class SummaryFailure
    {
        public SummaryFailure(FailureKind kind, string message, int? httpStatus = null, Exception? cause = null)
        {
            Kind = kind;
            Message = message;
            HttpStatus = httpStatus;
            Cause = cause;
        }

        public FailureKind Kind { get; }
        public string Message { get; }
        public int? HttpStatus { get; }

        /// <summary>The exception behind a network failure (say the HttpRequestException of a refused connection), kept for the error record.</summary>
        public Exception? Cause { get; }

        /// <summary>Failures that lie with the post itself rather than with the answer or the service.</summary>
        public bool IsInputProblem => Kind == FailureKind.InputTooLong;

        /// <summary>Failures after which no later request can succeed: every key refused, no model of the chain left, or the endpoint unreachable.</summary>
        public bool StopsTheRun => Kind == FailureKind.NoUsableKey || Kind == FailureKind.NoUsableModel || Kind == FailureKind.EndpointUnreachable;
    }
}
