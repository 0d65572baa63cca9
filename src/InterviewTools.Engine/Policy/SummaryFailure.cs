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
    }

    public sealed class SummaryFailure
    {
        public SummaryFailure(FailureKind kind, string message, int? httpStatus = null)
        {
            Kind = kind;
            Message = message;
            HttpStatus = httpStatus;
        }

        public FailureKind Kind { get; }
        public string Message { get; }
        public int? HttpStatus { get; }

        /// <summary>Failures that lie with the post itself rather than with the answer or the service.</summary>
        public bool IsInputProblem => Kind == FailureKind.InputTooLong;

        /// <summary>Failures after which no later request can succeed: every key refused, or no model of the chain left.</summary>
        public bool StopsTheRun => Kind == FailureKind.NoUsableKey || Kind == FailureKind.NoUsableModel;
    }
}
