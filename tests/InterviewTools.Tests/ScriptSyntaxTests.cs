using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation.Language;
using Xunit;

namespace InterviewTools.Tests
{
    /// <summary>
    /// The Pester suite and build.ps1 run only on machines with pwsh, so CI at least parses them with the real
    /// PowerShell parser and checks that every cmdlet they call on the module exists with those parameters.
    /// </summary>
    [Collection(HostedCollection.Name)]
    public sealed class ScriptSyntaxTests
    {
        public static IEnumerable<object[]> Scripts() =>
            Directory.EnumerateFiles(Path.Combine(Repository.Root, "tests", "pester"), "*.ps1")
                .Append(Path.Combine(Repository.Root, "build.ps1"))
                .Select(path => new object[] { Path.GetRelativePath(Repository.Root, path) });

        [Theory]
        [MemberData(nameof(Scripts))]
        public void ParsesWithoutErrors(string relativePath)
        {
            Parser.ParseFile(Path.Combine(Repository.Root, relativePath), out _, out var errors);
            Assert.Empty(errors.Select(e => $"{e.Extent.StartLineNumber}: {e.Message}"));
        }

        [Fact]
        public void PesterSuiteCallsOnlyParametersTheCmdletsHave()
        {
            using var host = new PowerShellHost();
            var ast = Parser.ParseFile(Path.Combine(Repository.Root, "tests", "pester", "InterviewTools.Tests.ps1"), out _, out _);
            var calls = ast.FindAll(node => node is CommandAst command && IsModuleCommand(command.GetCommandName()), true).Cast<CommandAst>().ToList();
            Assert.NotEmpty(calls);
            foreach (var call in calls)
            {
                var name = call.GetCommandName();
                var known = host.Run($"(Get-Command {name}).Parameters.Keys").Output.Select(o => o.ToString()).ToHashSet(System.StringComparer.OrdinalIgnoreCase);
                foreach (var parameter in call.CommandElements.OfType<CommandParameterAst>())
                {
                    Assert.True(known.Contains(parameter.ParameterName) || known.Any(k => k.StartsWith(parameter.ParameterName, System.StringComparison.OrdinalIgnoreCase)),
                        $"{name} has no parameter -{parameter.ParameterName} (line {parameter.Extent.StartLineNumber})");
                }
            }
        }

        private static bool IsModuleCommand(string? name) =>
            name != null && (name.EndsWith("-PostSummary", System.StringComparison.OrdinalIgnoreCase) || name.EndsWith("-PostSummaryCache", System.StringComparison.OrdinalIgnoreCase));

        [Fact]
        public void AssembledManifestIsValid()
        {
            using var host = new PowerShellHost();
            var run = host.Run($"Test-ModuleManifest -Path '{Repository.ModuleManifest}' | ForEach-Object {{ $_.Version.ToString(); $_.ExportedCmdlets.Keys; $_.CompatiblePSEditions; $_.PowerShellVersion.ToString() }}");
            Assert.Empty(run.Errors);
            var values = run.Output.Select(o => o.ToString()).ToList();
            Assert.Contains("Invoke-PostSummary", values);
            Assert.Contains("Export-PostSummary", values);
            Assert.Contains("Import-PostSummary", values);
            Assert.Contains("Get-PostSummaryCache", values);
            Assert.Contains("Clear-PostSummaryCache", values);
            Assert.Contains("Desktop", values);
            Assert.Contains("Core", values);
            Assert.Contains("5.1", values);
            Assert.DoesNotContain(values, v => v.Contains("{{"));
        }
    }
}
