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
            Assert.Equal(new[] { "Clear-PostSummaryCache", "Export-PostSummary", "Get-PostSummaryCache", "Invoke-PostSummary" }, run.Output.Select(o => o.ToString()).OrderBy(n => n, System.StringComparer.Ordinal));
        }

        [Theory]
        [InlineData("Invoke-PostSummary", 4, 5)]
        [InlineData("Export-PostSummary", 3, 5)]
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

        [Fact]
        public void AboutTopicIsFound()
        {
            using var host = new PowerShellHost();
            var run = host.Run("Get-Help about_InterviewTools | ForEach-Object { $_.ToString() }");

            Assert.Contains("GOOGLE_GEMINI_BASE_URL", string.Join("\n", run.Output.Select(o => o.ToString())));
        }
    }
}
