using System;
using System.Collections.Generic;
using System.Linq;
using InterviewTools.Engine.Common;
using InterviewTools.Engine.Summaries;

namespace InterviewTools.Engine.Tests
{
    /// <summary>An engine log that keeps what it hears, for assertions; also the engine tests' warning sink.</summary>
    public sealed class RecordingObserver : IEngineLog
    {
        private readonly List<string> _verbose = new List<string>();
        private readonly List<string> _warnings = new List<string>();
        private readonly List<(string What, DateTimeOffset Until)> _waits = new List<(string, DateTimeOffset)>();

        public List<string> VerboseLines => Copy(_verbose);
        public List<string> Warnings => Copy(_warnings);

        public List<(string What, DateTimeOffset Until)> Waits
        {
            get
            {
                lock (_waits) return _waits.ToList();
            }
        }

        public void Verbose(string message)
        {
            lock (_verbose) _verbose.Add(message);
        }

        public void Warning(string message)
        {
            lock (_warnings) _warnings.Add(message);
        }

        public void ConfigProblem(string configFile, string problem)
        {
            lock (_warnings) _warnings.Add(problem);
        }

        public void Waiting(string what, DateTimeOffset until)
        {
            lock (_waits) _waits.Add((what, until));
        }

        private static List<string> Copy(List<string> lines)
        {
            lock (lines) return lines.ToList();
        }
    }
}
