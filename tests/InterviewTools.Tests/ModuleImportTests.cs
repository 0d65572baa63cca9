using System.Linq;
using Xunit;

namespace InterviewTools.Tests
{
    [Collection(HostedCollection.Name)]
    public sealed class ModuleImportTests
    {
        [Fact]
        public void ImportExportsExactlyTheManifestCmdlets()
        {
            using var host = new PowerShellHost();
            var run = host.Run("Get-Command -Module InterviewTools | ForEach-Object Name");
            Assert.Null(run.Terminating);
            Assert.Equal(new[] { "Clear-PostSummaryCache", "Export-PostSummary", "Get-PostSummaryCache", "Get-QuotaStatus", "Import-PostSummary", "Invoke-PostSummary", "Measure-PostSummary", "Reset-QuotaStatus" }, run.Output.Select(o => o.ToString()).OrderBy(n => n, System.StringComparer.Ordinal));
        }

        [Theory]
        [InlineData("Invoke-PostSummary", 4, 5)]
        [InlineData("Measure-PostSummary", 3, 5)]
        [InlineData("Export-PostSummary", 3, 5)]
        [InlineData("Import-PostSummary", 4, 2)]
        [InlineData("Get-QuotaStatus", 3, 4)]
        [InlineData("Reset-QuotaStatus", 3, 5)]
        [InlineData("Get-PostSummaryCache", 3, 4)]
        [InlineData("Clear-PostSummaryCache", 3, 7)]
        public void CompiledHelpDescribesEachCmdlet(string name, int minimumExamples, int minimumParameters)
        {
            using var host = new PowerShellHost();
            var run = host.Run($"$help = Get-Help {name} -Full; $help.Synopsis; @($help.Examples.Example).Count; @($help.Parameters.Parameter).Count");

            Assert.Empty(run.Errors);
            var synopsis = run.Output[0].ToString();
            Assert.False(synopsis.StartsWith(name, System.StringComparison.Ordinal), "Get-Help fell back to the generated syntax: " + synopsis);
            Assert.True((int)run.Output[1].BaseObject >= minimumExamples);
            Assert.True((int)run.Output[2].BaseObject >= minimumParameters);
        }

        [Theory]
        [InlineData("Invoke-PostSummary")]
        [InlineData("Measure-PostSummary")]
        [InlineData("Export-PostSummary")]
        [InlineData("Import-PostSummary")]
        [InlineData("Get-QuotaStatus")]
        [InlineData("Reset-QuotaStatus")]
        [InlineData("Get-PostSummaryCache")]
        [InlineData("Clear-PostSummaryCache")]
        public void HelpDocumentsExactlyTheParametersTheCmdletHas(string name)
        {
            using var host = new PowerShellHost();
            var common = System.Management.Automation.Cmdlet.CommonParameters.Concat(System.Management.Automation.Cmdlet.OptionalCommonParameters).ToHashSet();
            var actual = host.Run($"(Get-Command {name}).Parameters.Keys").Output.Select(o => o.ToString()).Where(p => !common.Contains(p) || p is "WhatIf" or "Confirm");
            var documented = host.Run($"@((Get-Help {name} -Full).Parameters.Parameter) | ForEach-Object {{ $_.Name }}").Output.Select(o => o.ToString());

            Assert.Equal(actual.OrderBy(p => p), documented.OrderBy(p => p));
        }

        [Fact]
        public void AboutTopicIsFound()
        {
            using var host = new PowerShellHost();
            var run = host.Run("Get-Help about_InterviewTools | ForEach-Object { $_.ToString() }");

            Assert.Contains("GOOGLE_GEMINI_BASE_URL", string.Join("\n", run.Output.Select(o => o.ToString())));
        }
    }
}
