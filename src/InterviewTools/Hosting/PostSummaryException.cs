using System;

namespace InterviewTools.Hosting
{
    /// <summary>The exception inside this module's error records: it carries only messages the module wrote, never an engine or HTTP object.</summary>
    public sealed class PostSummaryException : Exception
    {
        public PostSummaryException(string message) : base(message)
        {
        }
    }
}
