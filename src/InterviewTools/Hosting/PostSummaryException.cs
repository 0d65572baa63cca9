using System;

namespace InterviewTools.Hosting
{
    /// <summary>
    /// The exception inside this module's error records when the cause is not a framework exception: its message is the
    /// module's own, and the original exception, if any, is its InnerException.
    /// </summary>
    public sealed class PostSummaryException : Exception
    {
        public PostSummaryException(string message, Exception? cause = null) : base(message, cause)
        {
        }
    }
}
