using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using InterviewTools.Engine.Gemini;
using InterviewTools.Engine.Policy;
using InterviewTools.Engine.Rotation;
using InterviewTools.Engine.Summaries;

namespace InterviewTools.Hosting
{
    /// <summary>What Get-QuotaStatus and Reset-QuotaStatus do between binding and writing.</summary>
    internal static class QuotaStatusWork
    {
        public static void Write(PSCmdlet cmdlet, QuotaStatusFilter filter, bool refresh, CancellationToken cancellationToken)
        {
            var setup = GeminiSetup.Resolve(cmdlet, null, null);
            if (refresh) Refresh(cmdlet, setup, cancellationToken);
            var snapshot = setup.Ledger.Snapshot();
            setup.WriteLedgerWarnings(cmdlet);
            var rows = QuotaReport.Build(snapshot, setup.Keys, setup.Chain, setup.Ledger.Limits, TimeProvider.System.GetUtcNow());
            if (rows.Count == 0) cmdlet.WriteVerbose($"The ledger {setup.Ledger.Path} has no entries and no key is configured.");
            foreach (var row in rows.Where(filter.Includes)) cmdlet.WriteObject(row);
        }

        public static void Reset(PSCmdlet cmdlet, string? keyId, string? project, string? model, bool clearUsage = true)
        {
            var setup = GeminiSetup.Resolve(cmdlet, null, null);
            var reset = new LedgerReset { KeyFingerprint = keyId, Project = project, Model = model, ClearUsage = clearUsage };
            var what = reset.Everything
                ? "every entry (usage, cool-downs, learned limits, refused keys, retired models, model list)"
                : string.Join(", ", new[] { keyId == null ? null : "key " + keyId, project == null ? null : "project " + project, model == null ? null : "model " + model }.Where(p => p != null))
                    + (clearUsage ? string.Empty : " (its retirement only)");
            if (!cmdlet.ShouldProcess(setup.Ledger.Path, "Reset quota ledger entries for " + what)) return;
            int cleared;
            try
            {
                cleared = setup.Ledger.Reset(reset);
            }
            catch (Engine.State.StateLockTimeoutException e)
            {
                cmdlet.WriteError(ErrorRecords.StateLocked(setup.Ledger.Path, e));
                return;
            }
            setup.WriteLedgerWarnings(cmdlet);
            cmdlet.WriteVerbose($"Cleared {cleared} ledger entr{(cleared == 1 ? "y" : "ies")} for {what} in {setup.Ledger.Path}.");
        }

        private static void Refresh(PSCmdlet cmdlet, GeminiSetup setup, CancellationToken cancellationToken)
        {
            if (!setup.HasKeys)
            {
                cmdlet.WriteError(ErrorRecords.NoApiKeyToRefresh());
                return;
            }
            var observer = new CollectingObserver();
            var planner = new RoutePlanner(setup.Keys, setup.Chain, setup.Ledger, TimeProvider.System, TimeSpan.Zero);
            var pipeline = TransientRetry.Create(2, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(30), TimeProvider.System, _ => { });
            try
            {
                ModelChain.ValidateAsync(new GeminiClient(GeminiHttp.Shared, setup.Endpoint), planner, pipeline, TimeProvider.System, observer, refresh: true, cancellationToken)
                    .GetAwaiter().GetResult();
            }
            catch (OperationCanceledException)
            {
                throw new PipelineStoppedException();
            }
            foreach (var warning in observer.Warnings) cmdlet.WriteWarning(warning);
        }

        private sealed class CollectingObserver : Engine.Summaries.ISummaryObserver
        {
            private readonly List<string> _warnings = new List<string>();

            public IReadOnlyList<string> Warnings
            {
                get
                {
                    lock (_warnings) return _warnings.ToList();
                }
            }

            public void Verbose(string message)
            {
            }

            public void Warning(string message)
            {
                lock (_warnings) _warnings.Add(message);
            }

            public void Waiting(string what, DateTimeOffset until)
            {
            }
        }
    }
}
