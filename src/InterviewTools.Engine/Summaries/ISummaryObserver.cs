using System;

namespace InterviewTools.Engine.Summaries
{
    /// <summary>Hears about work in flight. Called from worker threads: implementations queue, they never write to a host.</summary>
    public interface ISummaryObserver
    {
        void Verbose(string message);
        void Warning(string message);

        /// <summary>A request waits for quota: <paramref name="what"/> says for which route and why, until <paramref name="until"/>.</summary>
        void Waiting(string what, DateTimeOffset until);
    }
}
