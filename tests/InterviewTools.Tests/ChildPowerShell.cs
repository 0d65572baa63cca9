using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading.Tasks;

namespace InterviewTools.Tests
{
    /// <summary>Another PowerShell process (InterviewTools.ScriptHost) with the module imported, as a second pwsh window or the next session would be.</summary>
    public static class ChildPowerShell
    {
        /// <summary>
        /// Runs a script file; the child inherits this process's environment plus IT_PROCESS = <paramref name="name"/> and
        /// <paramref name="environment"/> (a null value removes a variable), as another machine's settings would differ.
        /// </summary>
        public static async Task<(int ExitCode, List<string> Lines)> RunAsync(string script, string name, IDictionary<string, string?>? environment = null)
        {
            var host = Path.Combine(Path.GetDirectoryName(typeof(ChildPowerShell).Assembly.Location)!, "InterviewTools.ScriptHost.dll");
            var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            start.ArgumentList.Add(host);
            start.ArgumentList.Add(Repository.ModuleManifest);
            start.ArgumentList.Add(script);
            start.Environment["IT_PROCESS"] = name;
            foreach (var (variable, value) in environment ?? new Dictionary<string, string?>())
            {
                if (value == null) start.Environment.Remove(variable);
                else start.Environment[variable] = value;
            }
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            var lines = (await output).Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0).ToList();
            lines.AddRange((await error).Split('\n').Where(l => l.Length > 0).Select(l => "STDERR " + l));
            return (process.ExitCode, lines);
        }
    }
}
