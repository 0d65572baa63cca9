using System.Management.Automation;
using InterviewTools.Hosting;

namespace InterviewTools.Commands
{
    /// <summary>Forgets ledger entries: a key's refusal, a project's or model's usage and cool-downs, a model's retirement, or everything.</summary>
    [Cmdlet(VerbsCommon.Reset, "QuotaStatus", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = FilterSet)]
    public sealed class ResetQuotaStatusCommand : PSCmdlet
    {
        private const string FilterSet = "Filter";
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

        [Parameter(ParameterSetName = AllSet, Mandatory = true)]
        public SwitchParameter All { get; set; }

        protected override void ProcessRecord()
        {
            if (ParameterSetName == FilterSet && KeyId == null && Project == null && Model == null)
            {
                WriteError(ErrorRecords.ResetNeedsATarget());
                return;
            }
            QuotaStatusWork.Reset(this, All ? null : KeyId, All ? null : Project, All ? null : Model);
        }
    }
}
