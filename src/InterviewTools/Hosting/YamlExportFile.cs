using System;
using System.IO;
using System.Management.Automation;
using System.Text;
using InterviewTools.Engine.Yaml;

namespace InterviewTools.Hosting
{
    /// <summary>An open YAML export: UTF-8 without BOM, one document per object, flushed after each so nothing finished is lost.</summary>
    internal sealed class YamlExportFile : IDisposable
    {
        private readonly PSCmdlet _cmdlet;
        private readonly string _path;
        private readonly StreamWriter _writer;
        private readonly YamlDocumentWriter _yaml;

        private YamlExportFile(PSCmdlet cmdlet, string path, StreamWriter writer)
        {
            _cmdlet = cmdlet;
            _path = path;
            _writer = writer;
            _yaml = new YamlDocumentWriter(writer);
        }

        /// <summary>Returns null when -WhatIf or a declined -Confirm means nothing may be written.</summary>
        public static YamlExportFile? Open(PSCmdlet cmdlet, string path, bool append, bool force, bool noClobber)
        {
            var resolved = PathHelper.ResolveOutputFile(cmdlet, path, out var pathError);
            if (resolved == null)
            {
                cmdlet.ThrowTerminatingError(pathError!);
                return null;
            }
            var exists = File.Exists(resolved);
            if (exists && noClobber && !append) cmdlet.ThrowTerminatingError(ErrorRecords.FileExists(resolved));
            var action = append && exists ? "Append YAML documents" : exists ? "Overwrite with YAML documents" : "Create YAML file";
            if (!cmdlet.ShouldProcess(resolved, action)) return null;

            try
            {
                if (exists && force) File.SetAttributes(resolved, File.GetAttributes(resolved) & ~FileAttributes.ReadOnly);
                var stream = new FileStream(resolved, append ? FileMode.Append : FileMode.Create, FileAccess.Write, FileShare.Read);
                if (append && stream.Length > 0) EnsureEndsWithNewLine(resolved, stream);
                return new YamlExportFile(cmdlet, resolved, new StreamWriter(stream, new UTF8Encoding(false)) { NewLine = "\n" });
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                cmdlet.ThrowTerminatingError(ErrorRecords.CannotOpen(resolved, e));
                return null;
            }
        }

        public void Write(PSObject item)
        {
            var baseObject = item.BaseObject;
            if (baseObject is string || baseObject.GetType().IsPrimitive)
            {
                _cmdlet.WriteError(new ErrorRecord(new PostSummaryException($"Export-PostSummary writes objects with properties, not a bare {baseObject.GetType().Name}."),
                    "ExportInputNotAnObject", ErrorCategory.InvalidType, item));
                return;
            }
            try
            {
                _yaml.WriteDocument(PSObjectMapper.ToMapping(item));
            }
            catch (IOException e)
            {
                _cmdlet.ThrowTerminatingError(ErrorRecords.CannotWrite(_path, e));
            }
        }

        public void Dispose() => _writer.Dispose();

        /// <summary>A file cut short mid-line would glue the next document onto a torn one.</summary>
        private static void EnsureEndsWithNewLine(string path, FileStream appendStream)
        {
            using (var reader = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite))
            {
                reader.Seek(-1, SeekOrigin.End);
                if (reader.ReadByte() == '\n') return;
            }
            appendStream.WriteByte((byte)'\n');
        }
    }
}
