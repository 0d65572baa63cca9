using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using InterviewTools.Engine.Yaml;

namespace InterviewTools.Hosting
{
    /// <summary>
    /// Streams one YAML file into PostSummary objects: each document is written to the pipeline as soon as it is read,
    /// a bad document costs only itself (a non-terminating error naming the file and document), and a torn last
    /// document, left by an export that was stopped mid-write, is skipped with a warning. A document that is a list of
    /// mappings (powershell-yaml's ConvertTo-Yaml) gives one object per item; a file of JSON, CSV or text is one error.
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
                case YamlEntryKind.NotYaml:
                    cmdlet.WriteError(ErrorRecords.ImportFileNotYaml(path, entry.Problem ?? string.Empty));
                    return;
            }
            if (entry.Value is List<object?> items && items.Any(item => item is List<KeyValuePair<string, object?>>))
            {
                // powershell-yaml's ConvertTo-Yaml writes the objects of a pipeline as one list.
                for (var i = 0; i < items.Count; i++) WriteSummary(cmdlet, path, entry.Number, items[i], $"item {i + 1} (line {entry.ItemLines[i]})");
                return;
            }
            WriteSummary(cmdlet, path, entry.Number, entry.Value, $"line {entry.Line}");
        }

        private static void WriteSummary(PSCmdlet cmdlet, string path, int document, object? value, string where)
        {
            if (PostSummaryFromYaml.IsRunSummary(value))
            {
                cmdlet.WriteVerbose($"{path}: document {document} ({where}) is a run summary (InterviewTools.RunSummary), not a post; it is passed over.");
                return;
            }
            var summary = PostSummaryFromYaml.Create(value, out var problem);
            if (summary == null)
            {
                cmdlet.WriteError(ErrorRecords.ImportNotAPostSummary(path, document, $"{where}: {problem}"));
                return;
            }
            cmdlet.WriteObject(summary);
        }
    }
}
