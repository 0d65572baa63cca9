using InterviewTools.Engine.Common;

namespace InterviewTools.Engine
{
    public enum SetupProblem
    {
        /// <summary>Gemini was asked for (or -ApiKey given) and no key is there.</summary>
        NoApiKey,

        /// <summary>The base URL from the environment or config.yaml is not a usable endpoint.</summary>
        BadEndpoint,

        /// <summary>The ledger setting (INTERVIEWTOOLS_LEDGER or config.yaml's ledger) is neither "file" nor a redis:// or rediss:// URL.</summary>
        BadLedgerSetting,

        /// <summary>The shared ledger store the setting names cannot be reached; nothing is sent without its limits.</summary>
        LedgerUnreachable,
    }

    /// <summary>The engine cannot be opened as asked: nothing of the run can proceed.</summary>
    public sealed class EngineSetupException : InterviewToolsException
    {
        public EngineSetupException(SetupProblem problem, string message, System.Exception? inner = null) : base(message, inner)
        {
            Problem = problem;
        }

        public SetupProblem Problem { get; }
    }
}
