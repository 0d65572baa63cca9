using System.Linq;
using System.Management.Automation;
using InterviewTools.Engine;
using InterviewTools.Engine.Rotation;
using InterviewTools.Engine.State;

namespace InterviewTools.Hosting
{
    /// <summary>What Get-QuotaStatus and Reset-QuotaStatus do between binding and writing.</summary>
    internal static class QuotaStatusWork
    {
        private static readonly EngineSettings ForQuota = new EngineSettings { Use = EngineUse.Quota };

        public static void Write(PSCmdlet cmdlet, PipelineWriter writer, QuotaStatusFilter filter, bool refresh)
        {
            var engine = EngineOpener.Open(cmdlet, writer, ForQuota);
            if (refresh && !writer.Run(engine.RefreshModelsAsync(writer.Stopping))) writer.WriteError(ErrorRecords.NoApiKeyToRefresh());
            var rows = engine.QuotaReport();
            if (rows.Count == 0) writer.WriteWarning($"No quota to show: the ledger {engine.LedgerLocation} has no entries and no API key is configured (set GEMINI_API_KEY or GEMINI_API_KEYS, or add keys to config.yaml).");
            foreach (var row in rows.Where(filter.Includes)) writer.WriteObject(row);
        }

        public static void Reset(PSCmdlet cmdlet, PipelineWriter writer, LedgerReset reset)
        {
            var engine = EngineOpener.Open(cmdlet, writer, ForQuota);
            var what = reset.Describe();
            if (!writer.ShouldProcess(engine.LedgerLocation, "Reset quota ledger entries for " + what)) return;
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
            writer.WriteVerbose($"Cleared {cleared} ledger entr{(cleared == 1 ? "y" : "ies")} for {what} in {engine.LedgerLocation}.");
        }
    }
}
