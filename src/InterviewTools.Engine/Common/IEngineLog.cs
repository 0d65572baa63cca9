using System;

namespace InterviewTools.Engine.Common
{
    /// <summary>
    /// The one way the engine reports while it works: the ledger, the cache, the state files and the summariser all speak
    /// through it. It is called from any thread; an implementation queues for its host and never blocks on it.
    /// </summary>
    public interface IEngineLog
    {
        void Verbose(string message);

        void Warning(string message);

        /// <summary>A request waits for quota: <paramref name="what"/> says for which route and why, until <paramref name="until"/>.</summary>
        void Waiting(string what, DateTimeOffset until);

        /// <summary>An entry of the config file is wrong and was left out; <paramref name="problem"/> names the file and line.</summary>
        void ConfigProblem(string configFile, string problem);
    }
}
