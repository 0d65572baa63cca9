using System;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using InterviewTools.Engine.Common;
using InterviewTools.Engine.Gemini;
using InterviewTools.Engine.Policy;
using InterviewTools.Engine.Posts;
using InterviewTools.Engine.Rotation;
using InterviewTools.Engine.Summaries;
using InterviewTools.FakeGemini;
using Xunit;

namespace InterviewTools.Engine.Tests.Summaries
{
    /// <summary>A refused connection is the endpoint's fault: after the retries the run stops, no model is switched to and no route is blamed.</summary>
    public sealed class UnreachableEndpointTests : IDisposable
    {
        private const string Secret = "AIzaSy-UNREACHABLE-TEST-KEY-01";
        private static readonly string[] Chain = { "gemini-3.5-flash", "gemini-2.5-flash" };
        private readonly string _state = Path.Combine(Path.GetTempPath(), "it-refused-" + Guid.NewGuid().ToString("N"));
        private readonly RecordingObserver _log = new RecordingObserver();
        private readonly GeminiClient _client = new GeminiClient(new HttpClient(), GeminiEndpoint.Parse(RefusedEndpoint.Reserve()));

        public void Dispose()
        {
            if (Directory.Exists(_state)) Directory.Delete(_state, recursive: true);
        }

        [Fact]
        public async Task ARefusedModelListingStopsTheRunNamingTheBaseUrlBeforeAnyPostIsSent()
        {
            var ledger = NewLedger();

            var outcome = await Summarizer(ledger).SummarizeAsync(PostReader.ReadText("a", "什么是 GQA？"), CancellationToken.None);

            Assert.Equal(FailureKind.EndpointUnreachable, outcome.Failure!.Kind);
            Assert.True(outcome.StopsRun);
            Assert.Contains(_client.Endpoint.ToString(), outcome.Failure.Message);
            Assert.IsType<HttpRequestException>(outcome.Failure.Cause);
            Assert.Equal(0, outcome.Summary.Attempts);
            Assert.Equal(2, _log.VerboseLines.Count(v => v.Contains("retry")));
            Assert.DoesNotContain(_log.Warnings, w => w.Contains("used unchecked"));
            Assert.Empty(ledger.Snapshot().Routes);
        }

        [Fact]
        public async Task ARefusedGenerateCallIsRetriedOnItsRouteThenStopsTheRunWithoutSwitchingOrCoolingAModel()
        {
            var ledger = NewLedger();
            var listing = new ModelListing { FetchedAt = DateTimeOffset.UtcNow };
            foreach (var model in Chain) listing.InputTokenLimits[model] = 1_048_576;
            ledger.SaveListing(listing);

            var outcome = await Summarizer(ledger).SummarizeAsync(PostReader.ReadText("a", "什么是 GQA？"), CancellationToken.None);

            Assert.Equal(FailureKind.EndpointUnreachable, outcome.Failure!.Kind);
            Assert.Contains(_client.Endpoint.ToString(), outcome.Failure.Message);
            Assert.Equal(3, outcome.Summary.Attempts);
            Assert.Equal("gemini-3.5-flash", outcome.Summary.Model);
            Assert.Empty(outcome.Summary.Switches);
            var routes = ledger.Snapshot().Routes.Values.ToList();
            Assert.All(routes, r => Assert.Equal((null, null, 0), (r.CoolingUntil, r.LastError, r.DayRequests)));
        }

        private FileLedgerStore NewLedger() =>
            new FileLedgerStore(FileLedgerStore.PathFor(_state, _client.Endpoint.BaseUrl), new RouteLimits(useBuiltInDefaults: false), TimeProvider.System, _log);

        private PostSummarizer Summarizer(FileLedgerStore ledger)
        {
            var options = new SummarizerOptions { Models = Chain, MaxRetries = 2, RetryBaseDelay = TimeSpan.FromMilliseconds(5), RequestTimeout = TimeSpan.FromSeconds(10) };
            var keys = new[] { new PooledKey(ApiKey.FromPlainText(Secret), null, "test") };
            return new PostSummarizer(_client, new RoutePlanner(keys, Chain, ledger, TimeProvider.System, TimeSpan.Zero), options, TimeProvider.System, _log);
        }
    }
}
