using System;
using System.Management.Automation;
using InterviewTools.Hosting;

namespace InterviewTools.Commands
{
    /// <summary>Summarises each post into an InterviewTools.PostSummary as soon as its answer arrives.</summary>
    [Cmdlet(VerbsLifecycle.Invoke, "PostSummary", SupportsShouldProcess = true, DefaultParameterSetName = PathSet)]
    [OutputType(typeof(PostSummary))]
    public sealed class InvokePostSummaryCommand : PostInputCommand, IDisposable
    {
        private PipelineWriter? _writer;
        private SummaryRunner? _work;

        [Parameter]
        [ValidateRange(1, 3600)]
        public int TimeoutSec { get; set; } = 120;

        [Parameter]
        [ValidateRange(0, 10)]
        public int MaxRetryCount { get; set; } = 3;

        [Parameter]
        public PostSummaryFallback Fallback { get; set; }

        protected override void BeginProcessing()
        {
            _writer = new PipelineWriter(this);
            var settings = Settings();
            settings.TimeoutSec = TimeoutSec;
            settings.MaxRetryCount = MaxRetryCount;
            settings.Fallback = Fallback;
            _work = SummaryRunner.Open(this, _writer, settings);
        }

        private protected override void TakeFiles(string path, bool literal) => _work!.SummarizeFiles(path, literal);

        private protected override void TakeText(string text) => _work!.SummarizeText(text);

        protected override void EndProcessing() => _work?.Finish();

        protected override void StopProcessing() => _writer?.Stop();

        public void Dispose()
        {
            _work?.Dispose();
            _writer?.Dispose();
        }
    }
}
