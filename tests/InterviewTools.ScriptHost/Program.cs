using System;
using System.IO;
using System.Management.Automation;
using System.Management.Automation.Runspaces;

namespace InterviewTools.ScriptHost;

/// <summary>
/// Usage: InterviewTools.ScriptHost &lt;module manifest&gt; &lt;script file&gt;. Imports the module into a fresh runspace, runs the script,
/// prints each output object as "OUT &lt;text&gt;" and each error as "ERR &lt;error id&gt;", and exits 0 unless the script failed to run.
/// </summary>
internal static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length != 2)
        {
            Console.Error.WriteLine("usage: InterviewTools.ScriptHost <module manifest> <script file>");
            return 2;
        }

        var state = InitialSessionState.CreateDefault2();
        state.ImportPSModule(args[0]);
        using var runspace = RunspaceFactory.CreateRunspace(state);
        runspace.Open();
        using var shell = PowerShell.Create(runspace);
        shell.AddScript(File.ReadAllText(args[1]));
        try
        {
            foreach (var item in shell.Invoke()) Console.WriteLine("OUT " + item);
        }
        catch (RuntimeException e)
        {
            Console.WriteLine("ERR " + e.ErrorRecord.FullyQualifiedErrorId);
            return 1;
        }
        foreach (var error in shell.Streams.Error) Console.WriteLine("ERR " + error.FullyQualifiedErrorId);
        foreach (var warning in shell.Streams.Warning) Console.WriteLine("WARN " + warning.Message);
        return 0;
    }
}
