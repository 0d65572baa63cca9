using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Threading.Tasks;
using InterviewTools.Engine.Gemini;
using InterviewTools.Engine.Rotation;
using InterviewTools.Engine.Common;
using InterviewTools.Engine.Summaries;
using InterviewTools.FakeGemini;
using Xunit;

namespace InterviewTools.Engine.Tests
{
    /// <summary>A fake Gemini server per test that knows one key, a client pointed at it, and a private state directory.</summary>
    public abstract class FakeServerTest : IAsyncLifetime
    {
        protected const string Secret = "AIzaSy-ENGINE-TEST-KEY-0001";
        private static readonly HttpClient Http = new HttpClient();

        protected FakeGeminiServer Server { get; private set; } = null!;

        private protected GeminiClient Client { get; private set; } = null!;

        protected string StateFolder { get; } = Path.Combine(Path.GetTempPath(), "it-engine-" + Guid.NewGuid().ToString("N"));

        public async Task InitializeAsync()
        {
            var options = new FakeGeminiOptions();
            options.Keys[Secret] = "project-engine";
            Configure(options);
            Server = await FakeGeminiServer.StartAsync(options);
            Client = new GeminiClient(Http, GeminiEndpoint.Parse(Server.BaseUrl + "/"));
        }

        public async Task DisposeAsync()
        {
            await Server.DisposeAsync();
            if (Directory.Exists(StateFolder)) Directory.Delete(StateFolder, recursive: true);
        }

        protected virtual void Configure(FakeGeminiOptions options)
        {
        }

        private protected FileLedgerStore NewLedger(TimeProvider? time = null, RouteLimits? limits = null, List<string>? warnings = null) =>
            new FileLedgerStore(FileLedgerStore.PathFor(StateFolder, Client.Endpoint.BaseUrl), limits ?? new RouteLimits(useBuiltInDefaults: false), time ?? TimeProvider.System,
                new WarningLog(warning => warnings?.Add(warning)));

        private protected PostSummarizer NewSummarizer(IReadOnlyList<string> models, IEngineLog observer, SummarizerOptions? options = null,
            IReadOnlyList<PooledKey>? keys = null, FileLedgerStore? ledger = null, TimeProvider? time = null, TimeSpan? maxWait = null)
        {
            options ??= new SummarizerOptions { MaxRetries = 3, RetryBaseDelay = TimeSpan.FromMilliseconds(5), RequestTimeout = TimeSpan.FromSeconds(10) };
            options.Models = models;
            keys ??= new[] { new PooledKey(ApiKey.FromPlainText(Secret), null, "test") };
            var clock = time ?? TimeProvider.System;
            var planner = new RoutePlanner(keys, models, ledger ?? NewLedger(clock), clock, maxWait ?? TimeSpan.Zero);
            return new PostSummarizer(Client, planner, options, clock, observer);
        }
    }
}
