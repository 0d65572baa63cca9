using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using InterviewTools.Engine;
using InterviewTools.Engine.Rotation;
using InterviewTools.Hosting;

namespace InterviewTools.Commands
{
    /// <summary>
    /// Forgets ledger entries: a key's refusal, a project's or model's usage and cool-downs, a model's retirement, or everything.
    /// A piped Get-QuotaStatus row resets what its State is about, and nothing else; each distinct target is reset once. A
    /// -KeyId, -Project or -Model that matches nothing is a not-found error; -All asks first.
    /// </summary>
    [Cmdlet(VerbsCommon.Reset, "QuotaStatus", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = FilterSet)]
    public sealed class ResetQuotaStatusCommand : PSCmdlet, System.IDisposable
    {
        private PipelineWriter? _writer;
        private SummaryEngine? _engine;
        private IReadOnlyList<QuotaStatus>? _rows;
        private readonly HashSet<string> _done = new HashSet<string>(System.StringComparer.OrdinalIgnoreCase);

        private const string FilterSet = "Filter";
        private const string RowSet = "Row";
        private const string AllSet = "All";

        [Parameter(ParameterSetName = FilterSet, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(KeyIdCompleter))]
        public string? KeyId { get; set; }

        [Parameter(ParameterSetName = FilterSet, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ProjectCompleter))]
        public string? Project { get; set; }

        [Parameter(ParameterSetName = FilterSet, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ModelCompleter))]
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
                    ResetOnce(new LedgerReset(), ConfirmEverything);
                    break;
                case RowSet:
                    ResetOnce(LedgerReset.For(InputObject!), _writer!.ShouldProcess);
                    break;
                default:
                    if (KeyId == null && Project == null && Model == null)
                    {
                        WriteError(ErrorRecords.ResetNeedsATarget());
                        break;
                    }
                    var reset = new LedgerReset { KeyFingerprint = KeyId, Project = Project, Model = Model };
                    var unknown = QuotaStatusWork.Unknown(reset, Rows()).ToList();
                    foreach (var (parameter, value) in unknown) _writer!.WriteError(ErrorRecords.ResetTargetNotFound(parameter, value, Engine().LedgerLocation));
                    if (unknown.Count == 0) ResetOnce(reset, _writer!.ShouldProcess);
                    break;
            }
        }

        /// <summary>Many piped rows often name one key or route: each distinct target is reset, and asked about, once.</summary>
        private void ResetOnce(LedgerReset reset, System.Func<string, string, bool> shouldProcess)
        {
            if (_done.Add(reset.Describe())) QuotaStatusWork.Reset(Engine(), _writer!, reset, shouldProcess);
        }

        /// <summary>
        /// -All forgets learned limits, refused keys and retirements, so it asks as a ConfirmImpact High command would (the
        /// cmdlet's own impact is Medium): ShouldProcess handles -WhatIf and -Confirm, and at the default $ConfirmPreference
        /// (High), which ShouldProcess does not prompt at for Medium, ShouldContinue asks. -Confirm:$false or 'None' skips it.
        /// </summary>
        private bool ConfirmEverything(string target, string action)
        {
            if (!_writer!.ShouldProcess(target, action)) return false;
            if (MyInvocation.BoundParameters.ContainsKey("Confirm")) return true;
            var preference = LanguagePrimitives.TryConvertTo(GetVariableValue("ConfirmPreference"), out ConfirmImpact impact) ? impact : ConfirmImpact.High;
            if (preference != ConfirmImpact.High) return true;
            return ShouldContinue($"{action} in {target}?", "Reset-QuotaStatus -All");
        }

        private SummaryEngine Engine() => _engine ??= QuotaStatusWork.Open(this, _writer!);

        private IReadOnlyList<QuotaStatus> Rows() => _rows ??= Engine().QuotaReport();

        protected override void StopProcessing() => _writer?.Stop();

        public void Dispose() => _writer?.Dispose();
    }
}
