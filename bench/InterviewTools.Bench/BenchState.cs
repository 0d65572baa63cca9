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

    /// <summary>Points the module at <paramref name="server"/> with one key, and at nothing else.</summary>
    public static void UseFake(FakeGemini.FakeGeminiServer server, string apiKey)
    {
        Environment.SetEnvironmentVariable("GOOGLE_GEMINI_BASE_URL", server.BaseUrl);
        Environment.SetEnvironmentVariable("GEMINI_API_KEY", apiKey);
        Environment.SetEnvironmentVariable("GEMINI_API_KEYS", null);
        Environment.SetEnvironmentVariable("GOOGLE_API_KEY", null);
    }

    public void Dispose()
    {
        Environment.SetEnvironmentVariable("INTERVIEWTOOLS_STATE_DIR", null);
        Directory.Delete(Folder, recursive: true);
    }
}
