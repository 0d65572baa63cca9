using System;
using System.IO;
using System.Management.Automation;
using InterviewTools.Engine.Yaml;

namespace InterviewTools.Hosting
{
    /// <summary>
    /// Streams one YAML file into PostSummary objects: each document is written to the pipeline as soon as it is read,
    /// a bad document costs only itself (a non-terminating error naming the file and document), and a torn last
    /// document, left by an export that was stopped mid-write, is skipped with a warning.
    /// </summary>
    internal static class YamlImportFile
    {
        public static void Import(PSCmdlet cmdlet, string path)
        {
            if (Directory.Exists(path))
            {
                cmdlet.WriteError(ErrorRecords.ImportPathIsDirectory(path));
                return;
            }
            if (!File.Exists(path))
            {
                cmdlet.WriteError(ErrorRecords.ImportFileNotFound(path, $"The file '{path}' does not exist."));
                return;
            }
            try
            {
                foreach (var entry in YamlStreamReader.ReadFile(path)) Write(cmdlet, path, entry);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                cmdlet.WriteError(ErrorRecords.ImportReadFailed(path, e));
            }
        }

        private static void Write(PSCmdlet cmdlet, string path, YamlEntry entry)
        {
            switch (entry.Kind)
            {
                case YamlEntryKind.Torn:
                    cmdlet.WriteWarning($"'{path}': the last document ({entry.Number}, line {entry.Line}) is incomplete and was skipped: {entry.Problem}. " +
                                        $"The {entry.Number - 1} document(s) before it were read.");
                    return;
                case YamlEntryKind.CutShort:
                    cmdlet.WriteError(ErrorRecords.ImportDocumentCutShort(path, entry.Number, $"line {entry.Line}: {entry.Problem}"));
                    return;
                case YamlEntryKind.Invalid:
                    cmdlet.WriteError(ErrorRecords.ImportYamlInvalid(path, entry.Number, entry.Problem ?? string.Empty));
                    return;
            }
            var summary = PostSummaryFromYaml.Create(entry.Value, out var problem);
            if (summary == null)
            {
                cmdlet.WriteError(ErrorRecords.ImportNotAPostSummary(path, entry.Number, $"line {entry.Line}: {problem}"));
                return;
            }
            cmdlet.WriteObject(summary);
        }
    }
}
