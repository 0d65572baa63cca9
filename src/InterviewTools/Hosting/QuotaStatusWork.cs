using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using InterviewTools.Engine;
using InterviewTools.Engine.Policy;
using InterviewTools.Engine.Rotation;
using InterviewTools.Engine.State;
using InterviewTools.Resources;

namespace InterviewTools.Hosting
{
    /// <summary>What Get-QuotaStatus and Reset-QuotaStatus do between binding and writing.</summary>
    internal static class QuotaStatusWork
    {
        private static readonly EngineSettings ForQuota = new EngineSettings { Use = EngineUse.Quota };

        public static void Write(PSCmdlet cmdlet, PipelineWriter writer, QuotaStatusFilter filter, bool refresh)
        {
            var engine = EngineOpener.Open(cmdlet, writer, ForQuota);
            var notRefreshed = refresh ? writer.Run(engine.RefreshModelsAsync(writer.Stopping)) : null;
            if (notRefreshed != null) writer.WriteError(notRefreshed.Kind == FailureKind.NoUsableKey ? ErrorRecords.NoApiKeyToRefresh() : ErrorRecords.RunStopped(notRefreshed));
            IReadOnlyList<QuotaStatus> rows;
            try
            {
                rows = engine.QuotaReport();
            }
            catch (LedgerUnavailableException e)
            {
                writer.Drain();
                cmdlet.ThrowTerminatingError(ErrorRecords.LedgerLost(e));
                throw;
            }
            writer.WriteVerbose($"Read the quota ledger at {engine.LedgerLocation}.");
            if (rows.Count == 0) writer.WriteWarning(Message.Format(HostingMessages.NoQuotaToShow, engine.LedgerLocation));
            foreach (var row in rows.Where(filter.Includes)) writer.WriteObject(row);
        }

        public static SummaryEngine Open(PSCmdlet cmdlet, PipelineWriter writer) => EngineOpener.Open(cmdlet, writer, ForQuota);

        /// <summary>
        /// The parts of <paramref name="reset"/> that name no key, project or model the ledger or the configuration knows, as
        /// (parameter, value) pairs; empty when every part names something.
        /// </summary>
        public static IEnumerable<(string Parameter, string Value)> Unknown(LedgerReset reset, IReadOnlyList<QuotaStatus> rows)
        {
            bool Known(Func<QuotaStatus, string> part, string value) => rows.Any(r => string.Equals(part(r), value, StringComparison.OrdinalIgnoreCase));
            if (reset.KeyFingerprint != null && !Known(r => r.KeyId, reset.KeyFingerprint)) yield return ("KeyId", reset.KeyFingerprint);
            if (reset.Project != null && !Known(r => r.Project, reset.Project)) yield return ("Project", reset.Project);
            if (reset.Model != null && !Known(r => r.Model, reset.Model)) yield return ("Model", reset.Model);
        }

        public static void Reset(SummaryEngine engine, PipelineWriter writer, LedgerReset reset, Func<string, string, bool> shouldProcess)
        {
            var what = reset.Describe();
            if (!shouldProcess(engine.LedgerLocation, "Reset quota ledger entries for " + what)) return;
            int cleared;
            try
            {
                cleared = engine.ResetLedger(reset);
            }
            catch (StateLockTimeoutException e)
            {
                writer.WriteError(ErrorRecords.StateLocked(engine.LedgerLocation, e));
                return;
            }
            catch (LedgerUnavailableException e)
            {
                writer.WriteError(ErrorRecords.LedgerLost(e));
                return;
            }
            writer.WriteVerbose($"Cleared {cleared} ledger entr{(cleared == 1 ? "y" : "ies")} for {what} in {engine.LedgerLocation}.");
        }
    }
}
