using System;
using System.Management.Automation;
using System.Security;
using InterviewTools.Hosting;

namespace InterviewTools.Commands
{
    /// <summary>Summarises each post into an InterviewTools.PostSummary as soon as its answer arrives.</summary>
    [Cmdlet(VerbsLifecycle.Invoke, "PostSummary", SupportsShouldProcess = true, DefaultParameterSetName = PathSet)]
    [OutputType(typeof(PostSummary))]
    public sealed class InvokePostSummaryCommand : PSCmdlet, IDisposable
    {
        private const string PathSet = "Path";
        private const string LiteralPathSet = "LiteralPath";
        private const string TextSet = "Text";

        private PipelineWriter? _writer;
        private SummaryRunner? _work;

        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ParameterSetName = PathSet,
            HelpMessage = "The path of a post file (.txt or .md); wildcards allowed. For the text of a post use -Text, e.g. -Text (Get-Content post.txt -Raw).")]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string[] Path { get; set; } = Array.Empty<string>();

        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = LiteralPathSet)]
        [Alias("PSPath", "FullName", "LP")]
        [ValidateNotNullOrEmpty]
        public string[] LiteralPath { get; set; } = Array.Empty<string>();

        [Parameter(Mandatory = true, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, ParameterSetName = TextSet,
            HelpMessage = "The text of a post, e.g. (Get-Content post.txt -Raw).")]
        [AllowEmptyString]
        public string[] Text { get; set; } = Array.Empty<string>();

        [Parameter]
        [ArgumentCompleter(typeof(ModelCompleter))]
        [ValidateNotNullOrEmpty]
        public string[]? Model { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Prompt { get; set; }

        [Parameter]
        [ApiKeyTransformation]
        public SecureString[]? ApiKey { get; set; }

        [Parameter]
        [ValidateRange(1, 3600)]
        public int TimeoutSec { get; set; } = 120;

        [Parameter]
        [ValidateRange(0, 10)]
        public int MaxRetryCount { get; set; } = 3;

        [Parameter]
        [ValidateRange(1, 32)]
        public int ThrottleLimit { get; set; } = PostSummarySettings.DefaultThrottleLimit;

        [Parameter]
        [ValidateRange(0, 86400)]
        public int MaxWaitSec { get; set; }

        [Parameter]
        public PostSummaryProvider Provider { get; set; }

        [Parameter]
        public PostSummaryFallback Fallback { get; set; }

        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void BeginProcessing()
        {
            _writer = new PipelineWriter(this);
            _work = SummaryRunner.Open(this, _writer, new PostSummarySettings
            {
                Models = Model,
                Prompt = Prompt,
                ApiKey = ApiKey,
                TimeoutSec = TimeoutSec,
                MaxRetryCount = MaxRetryCount,
                ThrottleLimit = Bound(nameof(ThrottleLimit)) ? ThrottleLimit : (int?)null,
                MaxWaitSec = Bound(nameof(MaxWaitSec)) ? MaxWaitSec : (int?)null,
                Provider = Bound(nameof(Provider)) ? Provider : (PostSummaryProvider?)null,
                Fallback = Fallback,
                Force = Force,
            });
        }

        private bool Bound(string parameter) => MyInvocation.BoundParameters.ContainsKey(parameter);

        protected override void ProcessRecord()
        {
            switch (ParameterSetName)
            {
                case TextSet:
                    foreach (var text in Text) _work!.SummarizeText(text);
                    break;
                case LiteralPathSet:
                    foreach (var path in LiteralPath) _work!.SummarizeFiles(path, literal: true);
                    break;
                default:
                    foreach (var path in Path) _work!.SummarizeFiles(path, literal: false);
                    break;
            }
        }

        protected override void EndProcessing() => _work?.Finish();

        protected override void StopProcessing() => _writer?.Stop();

        public void Dispose()
        {
            _work?.Dispose();
            _writer?.Dispose();
        }
    }
}
