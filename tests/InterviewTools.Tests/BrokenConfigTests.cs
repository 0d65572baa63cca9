using System.IO;
using System.Linq;
using System.Management.Automation;
using Xunit;

namespace InterviewTools.Tests
{
    /// <summary>A config.yaml that YamlDotNet cannot read is a named, non-terminating error for every cmdlet that reads it (issue 13).</summary>
    [Collection(HostedCollection.Name)]
    public sealed class BrokenConfigTests
    {
        [Theory]
        [InlineData("Invoke-PostSummary -Text '第一篇 面经'")]
        [InlineData("Get-QuotaStatus")]
        [InlineData("Reset-QuotaStatus -All -Confirm:$false")]
        public void AConfigTheScannerRejectsIsOneConfigEntryInvalidNamingFileLineAndColumnAndTheCommandGoesOn(string command)
        {
            using var world = new HostedScenario(config: "keys: [unclosed\nmodels: {\n");
            var configFile = Path.Combine(world.StateFolder, "config.yaml");

            var (run, caught) = world.RunCatching(command + "; 'after'");

            Assert.Null(caught);
            Assert.Null(run.Terminating);
            Assert.Equal("after", run.Output.Last().BaseObject);
            var error = Assert.Single(run.Errors);
            Assert.Equal("ConfigEntryInvalid", error.FullyQualifiedErrorId.Split(',')[0]);
            Assert.Equal(ErrorCategory.InvalidData, error.CategoryInfo.Category);
            Assert.Equal(configFile, error.TargetObject);
            Assert.Equal($"{configFile}, line 2, column 1: not valid YAML: a '[' or '{{' before this point is not closed, " +
                         "or a line inside it is indented less than the line it continues. No setting of it is used.", error.Exception.Message);
            Assert.DoesNotContain("Operation is not valid", string.Join("\n", run.AllText()));
        }

        [Fact]
        public void ASummaryIsStillMadeWithTheDefaultsWhenTheConfigIsBroken()
        {
            using var world = new HostedScenario(config: "keys: [unclosed\nmodels: {\n");

            var run = world.Run("Invoke-PostSummary -Text '第一篇 面经'");

            var summary = (PostSummaryView)Assert.Single(run.Output);
            Assert.Equal("Succeeded", summary.Status);
        }
    }
}
