using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Diagnostics;
using System.Management.Automation;
using System.Management.Automation.Runspaces;

namespace InterviewTools.Bench;

/// <summary>The real PowerShell engine hosted as the tests host it: CreateDefault2, core cmdlets only.</summary>
internal static class HostedPowerShell
{
    public static Runspace Open()
    {
        var runspace = RunspaceFactory.CreateRunspace(InitialSessionState.CreateDefault2());
        runspace.Open();
        return runspace;
    }

    public static string ImportScript => $"Import-Module -Name '{Repository.ModuleManifest}' -ErrorAction Stop";

    /// <summary>Runs a script, failing on any error and stopping it after <paramref name="timeout"/> so no loop can hang.</summary>
    public static Collection<PSObject> Run(Runspace runspace, string script, TimeSpan timeout, IDictionary<string, object>? variables = null)
    {
        if (variables != null)
        {
            foreach (var (name, value) in variables) runspace.SessionStateProxy.SetVariable(name, value);
        }

        using var shell = PowerShell.Create();
        shell.Runspace = runspace;
        shell.AddScript(script);
        var output = new PSDataCollection<PSObject>();
        var pending = shell.BeginInvoke<PSObject, PSObject>(null, output);
        if (!pending.AsyncWaitHandle.WaitOne(timeout))
        {
            shell.Stop();
            throw new TimeoutException($"'{Shorten(script)}' did not finish within {timeout.TotalSeconds:0} s.");
        }

        shell.EndInvoke(pending);
        if (shell.Streams.Error.Count > 0)
        {
            throw new InvalidOperationException($"'{Shorten(script)}' wrote {shell.Streams.Error.Count} error(s); the first: {shell.Streams.Error[0]}");
        }

        return output.ReadAll();
    }

    public static double TimeMs(Action action)
    {
        var watch = Stopwatch.StartNew();
        action();
        return watch.Elapsed.TotalMilliseconds;
    }

    private static string Shorten(string script) => script.Length <= 80 ? script : script[..77] + "...";
}
