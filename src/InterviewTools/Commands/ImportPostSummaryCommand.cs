using System;
using System.Management.Automation;
using InterviewTools.Hosting;

namespace InterviewTools.Commands
{
    /// <summary>Reads YAML files written by Export-PostSummary back into InterviewTools.PostSummary objects, one document at a time.</summary>
    [Cmdlet(VerbsData.Import, "PostSummary", DefaultParameterSetName = PathSet)]
    [OutputType(typeof(PostSummary))]
    public sealed class ImportPostSummaryCommand : PSCmdlet
    {
        private const string PathSet = "Path";
        private const string LiteralPathSet = "LiteralPath";

        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ParameterSetName = PathSet)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string[] Path { get; set; } = Array.Empty<string>();

        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = LiteralPathSet)]
        [Alias("PSPath", "FullName", "LP")]
        [ValidateNotNullOrEmpty]
        public string[] LiteralPath { get; set; } = Array.Empty<string>();

        protected override void ProcessRecord()
        {
            var literal = ParameterSetName == LiteralPathSet;
            foreach (var path in literal ? LiteralPath : Path)
            {
                var files = PathHelper.ResolveExisting(this, path, literal, ErrorRecords.ImportFileNotFound);
                if (files == null) continue;
                foreach (var file in files) YamlImportFile.Import(this, file);
            }
        }
    }
}
