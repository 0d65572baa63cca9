using System.Management.Automation;
using System.Threading;
using InterviewTools.Hosting;

namespace InterviewTools.Commands
{
    /// <summary>Shows every key × model of the quota ledger, offline; -Refresh re-lists the models first.</summary>
    [Cmdlet(VerbsCommon.Get, "QuotaStatus")]
    [OutputType(typeof(QuotaStatus))]
    public sealed class GetQuotaStatusCommand : PSCmdlet, System.IDisposable
    {
        private readonly CancellationTokenSource _stop = new CancellationTokenSource();

        [Parameter(Position = 0)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string[]? Model { get; set; }

        [Parameter]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string[]? KeyId { get; set; }

        [Parameter]
        public QuotaState[]? State { get; set; }

        [Parameter]
        public SwitchParameter Refresh { get; set; }

        protected override void EndProcessing() => QuotaStatusWork.Write(this, new QuotaStatusFilter(Model, KeyId, State), Refresh, _stop.Token);

        protected override void StopProcessing() => _stop.Cancel();

        public void Dispose() => _stop.Dispose();
    }
}
