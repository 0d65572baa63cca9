using System;
using System.IO;

namespace InterviewTools.Bench;

/// <summary>A fresh INTERVIEWTOOLS_STATE_DIR with the given config.yaml, so no run reads the user's ledger or another run's.</summary>
internal sealed class BenchState : IDisposable
{
    private BenchState(string folder) => Folder = folder;

    public string Folder { get; }

    public static BenchState Create(string config)
    {
        var folder = Directory.CreateTempSubdirectory("it-bench-state-").FullName;
        File.WriteAllText(Path.Combine(folder, "config.yaml"), config);
        Environment.SetEnvironmentVariable("INTERVIEWTOOLS_STATE_DIR", folder);
        return new BenchState(folder);
    }

    public void Dispose()
    {
        Environment.SetEnvironmentVariable("INTERVIEWTOOLS_STATE_DIR", null);
        Directory.Delete(Folder, recursive: true);
    }
}
