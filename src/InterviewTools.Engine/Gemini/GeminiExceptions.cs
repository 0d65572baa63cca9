using System;

namespace InterviewTools.Engine.Gemini
{
    /// <summary>The server answered with an error status.</summary>
    public sealed class GeminiApiException : Exception
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
    public sealed class GeminiTransportException : Exception
    {
        public GeminiTransportException(string message, Exception? inner = null) : base(message, inner)
        {
        }
    }

    /// <summary>The server answered 2xx with a body that is not the expected JSON.</summary>
    public sealed class GeminiMalformedResponseException : Exception
    {
        public GeminiMalformedResponseException(string message, Exception? inner = null) : base(message, inner)
        {
        }
    }
}
