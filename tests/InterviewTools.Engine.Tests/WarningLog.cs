using System;
using InterviewTools.Engine.Common;

namespace InterviewTools.Engine.Tests
{
    /// <summary>An engine log that hands each warning to a callback and drops the rest.</summary>
    internal sealed class WarningLog : IEngineLog
    {
        private readonly Action<string> _warn;

        public WarningLog(Action<string> warn) => _warn = warn;

        public void Verbose(string message)
        {
        }

        public void Warning(string message) => _warn(message);

        public void Waiting(string what, DateTimeOffset until)
        {
        }

        public void ConfigProblem(string configFile, string problem) => _warn(problem);
    }
}
