using System;
using InterviewTools.Engine.Common;

namespace InterviewTools.Engine.Gemini
{
    /// <summary>The root of every failure of a Gemini call: what the service or the network did, as opposed to a bug here.</summary>
    internal abstract class GeminiException : InterviewToolsException
    {
        protected GeminiException(string message, Exception? inner = null) : base(message, inner)
        {
        }
    }

    /// <summary>The server answered with an error status.</summary>
    internal sealed class GeminiApiException : GeminiException
    {
        public GeminiApiException(GeminiError error)
            : base($"Gemini answered {error.HttpStatus} {error.Status}: {error.Message}".TrimEnd(' ', ':'))
        {
            Error = error;
        }

        public GeminiError Error { get; }
        public int HttpStatus => Error.HttpStatus;
    }

    /// <summary>No usable answer arrived: a connection fault, a reset, or a timeout.</summary>
    internal sealed class GeminiTransportException : GeminiException
    {
        public GeminiTransportException(string message, Exception? inner = null, GeminiEndpoint? unreachable = null) : base(message, inner)
        {
            Unreachable = unreachable;
        }

        /// <summary>
        /// The endpoint, when no connection to it could be made at all (refused, no such host, TLS failure): the endpoint's
        /// fault, not a model's, so no other model can do better. Null for a reset or a cut-off answer, which another try may mend.
        /// </summary>
        public GeminiEndpoint? Unreachable { get; }
    }

    /// <summary>The server answered 2xx with a body that is not the expected JSON.</summary>
    internal sealed class GeminiMalformedResponseException : GeminiException
    {
        public GeminiMalformedResponseException(string message, Exception? inner = null) : base(message, inner)
        {
        }
    }
}
