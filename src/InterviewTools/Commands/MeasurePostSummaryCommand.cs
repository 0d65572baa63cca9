using System;
using System.Management.Automation;
using InterviewTools.Hosting;

namespace InterviewTools.Commands
{
    /// <summary>
    /// Plans a batch without summarising it: what the cache answers, what must be sent, what today's quota allows, what would be
    /// deferred, how long it takes and what it costs. Sends no generate request.
    /// </summary>
    [Cmdlet(VerbsDiagnostic.Measure, "PostSummary", DefaultParameterSetName = PathSet)]
    [OutputType(typeof(SummaryPlan))]
    public sealed class MeasurePostSummaryCommand : PostInputCommand, IDisposable
    {
        private PipelineWriter? _writer;
        private SummaryMeasurer? _work;

        /// <summary>The report lists every route (project × model) with what is left of its quota.</summary>
        [Parameter]
        public SwitchParameter Detailed { get; set; }

        protected override void BeginProcessing()
        {
            _writer = new PipelineWriter(this);
            _work = SummaryMeasurer.Open(this, _writer, Settings());
        }

        private protected override void TakeFiles(string path, bool literal) => _work!.AddFiles(path, literal);

        private protected override void TakeText(string text) => _work!.AddText(text);

        protected override void EndProcessing() => _work?.Finish(Detailed);

        protected override void StopProcessing() => _writer?.Stop();

        public void Dispose() => _writer?.Dispose();
    }
}
