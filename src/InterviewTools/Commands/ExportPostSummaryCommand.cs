using System;
using System.Management.Automation;
using InterviewTools.Hosting;

namespace InterviewTools.Commands
{
    /// <summary>Writes each piped object to a YAML file as one document the moment it arrives.</summary>
    [Cmdlet(VerbsData.Export, "PostSummary", SupportsShouldProcess = true, DefaultParameterSetName = PathSet)]
    public sealed class ExportPostSummaryCommand : PSCmdlet, IDisposable
    {
        private const string PathSet = "Path";
        private const string LiteralPathSet = "LiteralPath";

        private YamlExportFile? _file;

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = PathSet)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string Path { get; set; } = string.Empty;

        [Parameter(Mandatory = true, ParameterSetName = LiteralPathSet)]
        [Alias("PSPath", "LP")]
        [ValidateNotNullOrEmpty]
        public string LiteralPath { get; set; } = string.Empty;

        [Parameter(Mandatory = true, ValueFromPipeline = true)]
        [AllowNull]
        public PSObject? InputObject { get; set; }

        [Parameter]
        public SwitchParameter Append { get; set; }

        [Parameter]
        public SwitchParameter Force { get; set; }

        [Parameter]
        [Alias("NoOverwrite")]
        public SwitchParameter NoClobber { get; set; }

        protected override void BeginProcessing()
        {
            var literal = ParameterSetName == LiteralPathSet;
            _file = YamlExportFile.Prepare(this, literal ? LiteralPath : Path, literal, Append.IsPresent, Force.IsPresent, NoClobber.IsPresent);
        }

        protected override void ProcessRecord()
        {
            if (InputObject != null) _file?.Write(InputObject);
        }

        protected override void EndProcessing() => Dispose();

        public void Dispose()
        {
            _file?.Dispose();
            _file = null;
        }
    }
}
