using System;
using System.Management.Automation;
using System.Security;
using InterviewTools.Hosting;

namespace InterviewTools.Commands
{
    /// <summary>
    /// The input Invoke-PostSummary and Measure-PostSummary share, declared once so the two cannot drift apart: the posts
    /// (-Path, -LiteralPath, -Text) and what decides how they would be sent (-Model, -Prompt, -ApiKey, -ThrottleLimit,
    /// -MaxWaitSec, -Provider, -Force).
    /// </summary>
    public abstract class PostInputCommand : PSCmdlet
    {
        protected const string PathSet = "Path";
        protected const string LiteralPathSet = "LiteralPath";
        protected const string TextSet = "Text";

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
        [ValidateRange(1, 32)]
        public int ThrottleLimit { get; set; } = PostSummarySettings.DefaultThrottleLimit;

        [Parameter]
        [ValidateRange(0, 86400)]
        public int MaxWaitSec { get; set; }

        [Parameter]
        public PostSummaryProvider Provider { get; set; }

        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>The shared parameters as settings; a parameter left out keeps config.yaml's value, else the default.</summary>
        private protected PostSummarySettings Settings() => new PostSummarySettings
        {
            Models = Model,
            Prompt = Prompt,
            ApiKey = ApiKey,
            ThrottleLimit = Bound(nameof(ThrottleLimit)) ? ThrottleLimit : (int?)null,
            MaxWaitSec = Bound(nameof(MaxWaitSec)) ? MaxWaitSec : (int?)null,
            Provider = Bound(nameof(Provider)) ? Provider : (PostSummaryProvider?)null,
            Force = Force,
        };

        private bool Bound(string parameter) => MyInvocation.BoundParameters.ContainsKey(parameter);

        protected override void ProcessRecord()
        {
            switch (ParameterSetName)
            {
                case TextSet:
                    foreach (var text in Text) TakeText(text);
                    break;
                case LiteralPathSet:
                    foreach (var path in LiteralPath) TakeFiles(path, literal: true);
                    break;
                default:
                    foreach (var path in Path) TakeFiles(path, literal: false);
                    break;
            }
        }

        private protected abstract void TakeFiles(string path, bool literal);

        private protected abstract void TakeText(string text);
    }
}
