using System;
using InterviewTools.Engine.Common;

namespace InterviewTools.Engine.State
{
    public sealed class StateLockTimeoutException : InterviewToolsException
    {
        public StateLockTimeoutException(string lockPath, TimeSpan waited, Exception inner)
            : base($"Another process has held {lockPath} for more than {waited.TotalSeconds:0} s. If no InterviewTools command is running, delete that file.", inner)
        {
            LockPath = lockPath;
        }

        public string LockPath { get; }
    }
}
