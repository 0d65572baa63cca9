using System;
using InterviewTools.Engine.Common;

namespace InterviewTools.Engine.Rotation
{
    /// <summary>
    /// A shared ledger store cannot be reached now. Nothing is sent without limits while it lasts: the planner waits for the
    /// store within MaxWait, then defers. The message names the store without its password; the cause is kept inside.
    /// </summary>
    public sealed class LedgerUnavailableException : InterviewToolsException
    {
        public LedgerUnavailableException(string location, string message, Exception? inner = null) : base(message, inner)
        {
            Location = location;
        }

        /// <summary>The store's address with its password masked.</summary>
        public string Location { get; }
    }
}
