using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Threading.Tasks;

namespace InterviewTools.Tests
{
    /// <summary>A fresh runspace of the real PowerShell engine with the assembled module imported, as a user's pwsh would have it.</summary>
    public sealed class PowerShellHost : IDisposable
    {
        private readonly Runspace _runspace;

        public PowerShellHost(string? location = null, RecordingHost? host = null)
        {
            var state = InitialSessionState.CreateDefault2();
            _runspace = host == null ? RunspaceFactory.CreateRunspace(state) : RunspaceFactory.CreateRunspace(host, state);
            _runspace.Open();
            var import = Run($"Import-Module -Name '{Repository.ModuleManifest}' -ErrorAction Stop");
            if (import.Terminating != null || import.Errors.Count > 0)
            {
                throw new InvalidOperationException("Import-Module failed: " + (import.Terminating?.ToString() ?? import.Errors[0].ToString()));
            }
            if (location != null) _runspace.SessionStateProxy.Path.SetLocation(location);
        }

        public PowerShellRun Run(string script, IDictionary<string, object?>? variables = null, IEnumerable? input = null)
        {
            using var shell = Create(script, variables);
            return Collect(shell, () => input == null ? shell.Invoke() : shell.Invoke(input));
        }

        /// <summary>
        /// Runs the script inside try/catch and returns what the catch caught: the way to tell a terminating error,
        /// which a hosted script sees as statement-terminating, from a non-terminating one, which try/catch lets pass.
        /// </summary>
        public (PowerShellRun Run, ErrorRecord? Caught) RunCatching(string script, IDictionary<string, object?>? variables = null)
        {
            var run = Run("$global:CaughtByTest = $null; try { " + script + " } catch { $global:CaughtByTest = $_ }", variables);
            var caught = _runspace.SessionStateProxy.GetVariable("CaughtByTest");
            return (run, caught is PSObject wrapped ? wrapped.BaseObject as ErrorRecord : caught as ErrorRecord);
        }

        /// <summary>Starts a pipeline without waiting, so a test can watch its output arrive and stop it midway.</summary>
        public RunningPipeline Start(string script, IDictionary<string, object?>? variables = null)
        {
            var shell = Create(script, variables);
            var live = new PSDataCollection<PSObject>();
            var completion = Task.Run(() => Collect(shell, () =>
            {
                shell.Invoke(null, live);
                return live.ToList();
            }));
            return new RunningPipeline(shell, live, completion);
        }

        public void Dispose() => _runspace.Dispose();

        private PowerShell Create(string script, IDictionary<string, object?>? variables)
        {
            var shell = PowerShell.Create();
            shell.Runspace = _runspace;
            if (variables != null)
            {
                foreach (var pair in variables) _runspace.SessionStateProxy.SetVariable(pair.Key, pair.Value);
            }
            shell.AddScript(script);
            return shell;
        }

        private static PowerShellRun Collect(PowerShell shell, Func<ICollection<PSObject>> invoke)
        {
            var run = new PowerShellRun();
            try
            {
                run.Output.AddRange(invoke());
            }
            catch (RuntimeException e)
            {
                run.Terminating = e;
            }
            run.Errors.AddRange(shell.Streams.Error);
            foreach (var w in shell.Streams.Warning) run.Warnings.Add(w.Message);
            foreach (var v in shell.Streams.Verbose) run.Verbose.Add(v.Message);
            foreach (var d in shell.Streams.Debug) run.Debug.Add(d.Message);
            foreach (var i in shell.Streams.Information) run.Information.Add(i.MessageData?.ToString() ?? string.Empty);
            run.Progress.AddRange(shell.Streams.Progress);
            return run;
        }
    }

    public sealed class RunningPipeline
    {
        public RunningPipeline(PowerShell shell, PSDataCollection<PSObject> liveOutput, Task<PowerShellRun> completion)
        {
            Shell = shell;
            LiveOutput = liveOutput;
            Completion = completion;
        }

        public PowerShell Shell { get; }
        public PSDataCollection<PSObject> LiveOutput { get; }
        public Task<PowerShellRun> Completion { get; }
    }

    public static class Repository
    {
        public static string Root { get; } = FindRoot();

        /// <summary>The assembled module, or the copy INTERVIEWTOOLS_TEST_MODULE names (build.ps1 -Task Coverage: an instrumented one).</summary>
        public static string ModuleManifest { get; } =
            Environment.GetEnvironmentVariable("INTERVIEWTOOLS_TEST_MODULE") is { Length: > 0 } copy ? copy : Path.Combine(Root, "out", "InterviewTools", "InterviewTools.psd1");

        /// <summary>The real posts the tests carry (tests/data/posts).</summary>
        public static string SharedPosts => Path.Combine(Root, "tests", "data", "posts");

        private static string FindRoot()
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory != null && !File.Exists(Path.Combine(directory.FullName, "InterviewTools.sln"))) directory = directory.Parent;
            return directory?.FullName ?? throw new InvalidOperationException("Cannot find InterviewTools.sln above " + AppContext.BaseDirectory);
        }
    }
}
