using System.Management.Automation;
using InterviewTools.Hosting;

namespace InterviewTools.Commands
{
    /// <summary>Shows every key × model of the quota ledger, offline; -Refresh re-lists the models first.</summary>
    [Cmdlet(VerbsCommon.Get, "QuotaStatus")]
    [OutputType(typeof(QuotaStatus))]
    public sealed class GetQuotaStatusCommand : PSCmdlet, System.IDisposable
    {
        private PipelineWriter? _writer;

        [Parameter(Position = 0)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ModelCompleter))]
        public string[]? Model { get; set; }

        [Parameter]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(KeyIdCompleter))]
        public string[]? KeyId { get; set; }

        [Parameter]
        public QuotaState[]? State { get; set; }

        [Parameter]
        public SwitchParameter Refresh { get; set; }

        protected override void BeginProcessing() => _writer = new PipelineWriter(this);

        protected override void EndProcessing() => QuotaStatusWork.Write(this, _writer!, new QuotaStatusFilter(Model, KeyId, State), Refresh);

        protected override void StopProcessing() => _writer?.Stop();

        public void Dispose() => _writer?.Dispose();
    }
}
