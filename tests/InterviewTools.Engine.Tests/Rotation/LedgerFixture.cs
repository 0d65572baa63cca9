using System;
using System.Collections.Generic;
using System.IO;
using InterviewTools.Engine.Common;
using InterviewTools.Engine.Rotation;
using Microsoft.Extensions.Time.Testing;

namespace InterviewTools.Engine.Tests.Rotation
{
    /// <summary>What the ledger and planner tests share: a state folder of their own, one injected clock and one key of project "p".</summary>
    public abstract class LedgerFixture : IDisposable
    {
        protected const string Flash = "gemini-2.5-flash";

        protected LedgerFixture(string key)
        {
            Key = new PooledKey(ApiKey.FromPlainText(key), "p", "test");
        }

        protected string State { get; } = Path.Combine(Path.GetTempPath(), "it-ledger-" + Guid.NewGuid().ToString("N"));

        protected FakeTimeProvider Clock { get; } = new FakeTimeProvider(DateTimeOffset.Parse("2026-11-23T18:00:00Z"));

        private protected PooledKey Key { get; }

        protected string LedgerPath => Path.Combine(State, "ledger.json");

        private protected FileLedgerStore Store(RouteLimits limits) => new FileLedgerStore(LedgerPath, limits, Clock, new WarningLog(_ => { }));

        private protected RoutePlanner Planner(FileLedgerStore store, IReadOnlyList<string> chain) => new RoutePlanner(new[] { Key }, chain, store, Clock, TimeSpan.Zero);

        public void Dispose()
        {
            if (Directory.Exists(State)) Directory.Delete(State, recursive: true);
        }
    }
}
