namespace InterviewTools.Engine.Summaries
{
    /// <summary>Hears about work in flight. Called from worker threads: implementations queue, they never write to a host.</summary>
    public interface ISummaryObserver
    {
        void Verbose(string message);
        void Warning(string message);
    }
}
