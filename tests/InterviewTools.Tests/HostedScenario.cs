using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using InterviewTools.FakeGemini;

namespace InterviewTools.Tests
{
    /// <summary>
    /// One test's world: a fake Gemini server on 127.0.0.1, the environment pointing the module at it with a
    /// distinctive key, a scratch folder as the PowerShell location, and a runspace with the module imported.
    /// </summary>
    public sealed class HostedScenario : IDisposable
    {
        public const string Secret = "AIzaSyD-TEST-SECRET-7f3c9a1e5b2d";
        public const string Project = "project-interview";

        private static readonly string[] Variables = { "GOOGLE_GEMINI_BASE_URL", "GEMINI_API_KEY", "GEMINI_API_KEYS", "GOOGLE_API_KEY", "INTERVIEWTOOLS_STATE_DIR" };
        private readonly Dictionary<string, string?> _saved = Variables.ToDictionary(v => v, Environment.GetEnvironmentVariable);

        /// <param name="config">The config.yaml of the scenario's state directory; by default limits so high that the fake's unlimited quota is neither paced by the built-in free-tier figures nor probed as unknown.</param>
        public HostedScenario(FakeGeminiOptions? options = null, RecordingHost? host = null, string? config = DefaultConfig)
        {
            options ??= new FakeGeminiOptions();
            options.Keys = new Dictionary<string, string>(options.Keys) { [Secret] = Project };
            Server = FakeGeminiServer.StartAsync(options).GetAwaiter().GetResult();
            Folder = Directory.CreateTempSubdirectory("it-hosted-").FullName;
            Environment.SetEnvironmentVariable("GOOGLE_GEMINI_BASE_URL", Server.BaseUrl);
            Environment.SetEnvironmentVariable("GEMINI_API_KEY", Secret);
            Environment.SetEnvironmentVariable("GOOGLE_API_KEY", null);
            Environment.SetEnvironmentVariable("GEMINI_API_KEYS", null);
            StateFolder = Path.Combine(Folder, "state");
            Directory.CreateDirectory(StateFolder);
            Environment.SetEnvironmentVariable("INTERVIEWTOOLS_STATE_DIR", StateFolder);
            if (config != null) File.WriteAllText(Path.Combine(StateFolder, "config.yaml"), config);
            Host = new PowerShellHost(Folder, host);
        }

        public FakeGeminiServer Server { get; }
        public PowerShellHost Host { get; }
        public string Folder { get; }

        /// <summary>INTERVIEWTOOLS_STATE_DIR for this scenario: ledger, cache and config.yaml.</summary>
        public string StateFolder { get; }

        /// <summary>The fake's quota is unlimited unless a test sets one: limits this high are "known" and never pace or probe.</summary>
        public const string DefaultConfig = "builtInLimits: false\nlimits:\n" +
            "  gemini-2.5-flash: { rpm: 1000000, rpd: 100000000 }\n  gemini-2.5-flash-lite: { rpm: 1000000, rpd: 100000000 }\n" +
            "  gemini-3.5-flash: { rpm: 1000000, rpd: 100000000 }\n  gemini-3.1-flash-lite: { rpm: 1000000, rpd: 100000000 }\n" +
            "  gemini-3.5-flash-lite: { rpm: 1000000, rpd: 100000000 }\n";

        public PowerShellRun Run(string script, IDictionary<string, object?>? variables = null) => Host.Run(script, variables);

        /// <summary>Runs <paramref name="action"/> with $env:INTERVIEWTOOLS_LEDGER set to <paramref name="ledger"/> in this process.</summary>
        public static T WithLedger<T>(string ledger, Func<T> action)
        {
            Environment.SetEnvironmentVariable("INTERVIEWTOOLS_LEDGER", ledger);
            try
            {
                return action();
            }
            finally
            {
                Environment.SetEnvironmentVariable("INTERVIEWTOOLS_LEDGER", null);
            }
        }

        public (PowerShellRun Run, System.Management.Automation.ErrorRecord? Caught) RunCatching(string script, IDictionary<string, object?>? variables = null) =>
            Host.RunCatching(script, variables);

        public string WritePost(string name, string text) => WriteBytes(name, new UTF8Encoding(false).GetBytes(text));

        public string WriteBytes(string name, byte[] bytes)
        {
            var path = Path.Combine(Folder, name);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(path, bytes);
            return path;
        }

        public FileInfo[] SamplePosts() =>
            new DirectoryInfo(Repository.SharedPosts).GetFiles("*.txt").OrderBy(f => f.Name, StringComparer.Ordinal).ToArray();

        /// <summary>The post text the module actually sent in each generateContent call, in arrival order.</summary>
        public List<string> SentPostTexts() =>
            Server.Requests.Where(r => r.Route == RouteKind.Generate)
                .Select(r => JsonDocument.Parse(r.Body).RootElement.GetProperty("contents")[0].GetProperty("parts")[0].GetProperty("text").GetString()!)
                .ToList();

        public void Dispose()
        {
            Host.Dispose();
            Server.DisposeAsync().AsTask().GetAwaiter().GetResult();
            foreach (var pair in _saved) Environment.SetEnvironmentVariable(pair.Key, pair.Value);
            try
            {
                Directory.Delete(Folder, true);
            }
            catch (IOException)
            {
            }
        }
    }
}
