using System;
using System.Linq;
using System.Management.Automation;
using InterviewTools.FakeGemini;
using Xunit;

namespace InterviewTools.Tests
{
    /// <summary>The ledger setting's failures, which need no server: one terminating error that names the store and never its password.</summary>
    [Collection(HostedCollection.Name)]
    public sealed class LedgerStoreSettingTests
    {
        private const string Password = "pw-Never-Shown-4b1d";

        [Theory]
        [InlineData("Invoke-PostSummary -Text '第一篇 面经'")]
        [InlineData("Get-QuotaStatus")]
        [InlineData("Reset-QuotaStatus -All -Confirm:$false")]
        public void AnUnreachableRedisIsOneTerminatingErrorNamingTheEndpointWithThePasswordMasked(string command)
        {
            using var world = new HostedScenario();
            var port = new Uri(RefusedEndpoint.Reserve()).Port;

            var (run, caught) = HostedScenario.WithLedger($"redis://fleet:{Password}@127.0.0.1:{port}/2", () => world.RunCatching(command));

            var error = caught ?? Assert.Single(run.Errors);
            Assert.Equal("LedgerStoreUnreachable", error.FullyQualifiedErrorId.Split(',')[0]);
            Assert.Equal(ErrorCategory.ConnectionError, error.CategoryInfo.Category);
            Assert.StartsWith($"The quota ledger at redis://fleet:***@127.0.0.1:{port}/2 cannot be reached", error.Exception.Message);
            Assert.Equal("RedisConnectionException", Causes(error.Exception).Last().GetType().Name);
            Assert.Empty(world.Server.Requests);
            var shown = run.AllText().Concat(new[] { error.ToString(), error.ErrorDetails?.Message ?? string.Empty })
                .Concat(Causes(error.Exception).Select(e => e.Message));
            Assert.DoesNotContain(shown, text => text.Contains(Password) || text.Contains(HostedScenario.Secret));
        }

        [Fact]
        public void ALedgerSettingThatIsNotARedisUrlIsNamedAndSendsNothing()
        {
            using var world = new HostedScenario();

            var (run, caught) = HostedScenario.WithLedger("mysql://127.0.0.1/0", () => world.RunCatching("Invoke-PostSummary -Text '第一篇 面经'"));

            var error = caught ?? Assert.Single(run.Errors);
            Assert.Equal("LedgerSettingInvalid", error.FullyQualifiedErrorId.Split(',')[0]);
            Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
            Assert.Empty(world.Server.Requests);
        }

        private static System.Collections.Generic.IEnumerable<Exception> Causes(Exception e)
        {
            for (var cause = e; cause != null; cause = cause.InnerException) yield return cause;
        }
    }
}
