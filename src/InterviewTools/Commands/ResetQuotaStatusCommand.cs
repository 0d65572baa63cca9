using System.Management.Automation;
using InterviewTools.Engine.Rotation;
using InterviewTools.Hosting;

namespace InterviewTools.Commands
{
    /// <summary>
    /// Forgets ledger entries: a key's refusal, a project's or model's usage and cool-downs, a model's retirement, or everything.
    /// A piped Get-QuotaStatus row resets what its State is about, and nothing else.
    /// </summary>
    [Cmdlet(VerbsCommon.Reset, "QuotaStatus", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = FilterSet)]
    public sealed class ResetQuotaStatusCommand : PSCmdlet, System.IDisposable
    {
        private PipelineWriter? _writer;

        private const string FilterSet = "Filter";
        private const string RowSet = "Row";
        private const string AllSet = "All";

        [Parameter(ParameterSetName = FilterSet, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string? KeyId { get; set; }

        [Parameter(ParameterSetName = FilterSet, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string? Project { get; set; }

        [Parameter(ParameterSetName = FilterSet, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string? Model { get; set; }

        [Parameter(ParameterSetName = RowSet, Mandatory = true, ValueFromPipeline = true)]
        public QuotaStatus? InputObject { get; set; }

        [Parameter(ParameterSetName = AllSet, Mandatory = true)]
        public SwitchParameter All { get; set; }

        protected override void BeginProcessing() => _writer = new PipelineWriter(this);

        protected override void ProcessRecord()
        {
            switch (ParameterSetName)
            {
                case AllSet:
                    QuotaStatusWork.Reset(this, _writer!, new LedgerReset());
                    break;
                case RowSet:
                    QuotaStatusWork.Reset(this, _writer!, LedgerReset.For(InputObject!));
                    break;
                default:
                    if (KeyId == null && Project == null && Model == null) WriteError(ErrorRecords.ResetNeedsATarget());
                    else QuotaStatusWork.Reset(this, _writer!, new LedgerReset { KeyFingerprint = KeyId, Project = Project, Model = Model });
                    break;
            }
        }

        protected override void StopProcessing() => _writer?.Stop();

        public void Dispose() => _writer?.Dispose();
    }
}
