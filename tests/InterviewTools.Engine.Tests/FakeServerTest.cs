using System.Net.Http;
using System.Threading.Tasks;
using InterviewTools.Engine.Gemini;
using InterviewTools.FakeGemini;
using Xunit;

namespace InterviewTools.Engine.Tests
{
    /// <summary>A fake Gemini server per test that knows one key, and a client pointed at it.</summary>
    public abstract class FakeServerTest : IAsyncLifetime
    {
        protected const string Secret = "AIzaSy-ENGINE-TEST-KEY-0001";
        private static readonly HttpClient Http = new HttpClient();

        protected FakeGeminiServer Server { get; private set; } = null!;

        protected GeminiClient Client { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            var options = new FakeGeminiOptions();
            options.Keys[Secret] = "project-engine";
            Configure(options);
            Server = await FakeGeminiServer.StartAsync(options);
            Client = new GeminiClient(Http, GeminiEndpoint.Parse(Server.BaseUrl + "/"));
        }

        public async Task DisposeAsync() => await Server.DisposeAsync();

        protected virtual void Configure(FakeGeminiOptions options)
        {
        }
    }
}
