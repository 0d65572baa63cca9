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
            Assert.Equal(new[] { "Export-PostSummary", "Invoke-PostSummary" }, run.Output.Select(o => o.ToString()).OrderBy(n => n));
        }
    }
}
