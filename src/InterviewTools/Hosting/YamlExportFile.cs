using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Management.Automation;
using System.Text;
using InterviewTools.Engine.Yaml;

namespace InterviewTools.Hosting
{
    /// <summary>
    /// A YAML export: UTF-8 without BOM, one document per object, flushed after each so nothing finished is lost.
    /// The file is opened when the first object arrives, so a pipeline that produces nothing leaves an existing file alone.
    /// </summary>
    internal sealed class YamlExportFile : IDisposable
    {
        private readonly PSCmdlet _cmdlet;
        private readonly string _path;
        private readonly bool _append;
        private readonly bool _force;
        private StreamWriter? _writer;
        private YamlDocumentWriter? _yaml;
        private bool _declined;
        private int _written;

        private YamlExportFile(PSCmdlet cmdlet, string path, bool append, bool force)
        {
            _cmdlet = cmdlet;
            _path = path;
            _append = append;
            _force = force;
        }

        /// <summary>Checks the target before any object arrives, so a bad path or -NoClobber fails at once.</summary>
        public static YamlExportFile Prepare(PSCmdlet cmdlet, string path, bool literal, bool append, bool force, bool noClobber)
        {
            var resolved = PathHelper.ResolveOutputFile(cmdlet, path, literal, out var pathError);
            if (resolved == null) cmdlet.ThrowTerminatingError(pathError!);
            if (File.Exists(resolved) && noClobber && !append) cmdlet.ThrowTerminatingError(ErrorRecords.FileExists(resolved!));
            return new YamlExportFile(cmdlet, resolved!, append, force);
        }

        public void Write(PSObject item)
        {
            var baseObject = item.BaseObject;
            if (baseObject is IEnumerable sequence && !(baseObject is string) && !(baseObject is IDictionary))
            {
                foreach (var element in sequence)
                {
                    if (element != null) Write(PSObject.AsPSObject(element));
                }
                return;
            }
            if (PSObjectMapper.IsWrittenAsText(baseObject))
            {
                _cmdlet.WriteError(ErrorRecords.NotAnObject(baseObject));
                return;
            }
            List<KeyValuePair<string, object?>> mapping;
            bool truncated;
            try
            {
                mapping = PSObjectMapper.ToMapping(item, out truncated);
            }
            catch (Exception e) when (!(e is PipelineStoppedException) && !(e is OutOfMemoryException))
            {
                // A user object's enumerator may throw anything; it costs that object, not the export.
                _cmdlet.WriteError(ErrorRecords.CannotReadObject(baseObject, e));
                return;
            }
            if (!EnsureOpen()) return;
            try
            {
                _yaml!.WriteDocument(mapping);
                _written++;
                if (truncated)
                {
                    _cmdlet.WriteWarning($"'{_path}': in object {_written} of this export, values nested more than {PSObjectMapper.MaxDepth} levels deep, or inside themselves, were written as text.");
                }
            }
            catch (IOException e)
            {
                _cmdlet.ThrowTerminatingError(ErrorRecords.CannotWrite(_path, e));
            }
        }

        public void Dispose() => _writer?.Dispose();

        private bool EnsureOpen()
        {
            if (_writer != null) return true;
            if (_declined) return false;
            var exists = File.Exists(_path);
            var action = _append && exists ? "Append YAML documents" : exists ? "Overwrite with YAML documents" : "Create YAML file";
            if (!_cmdlet.ShouldProcess(_path, action))
            {
                _declined = true;
                return false;
            }
            try
            {
                if (exists && _force) File.SetAttributes(_path, File.GetAttributes(_path) & ~FileAttributes.ReadOnly);
                var stream = new FileStream(_path, _append ? FileMode.Append : FileMode.Create, FileAccess.Write, FileShare.Read);
                var startsFile = stream.Length == 0;
                if (!startsFile) EnsureEndsWithNewLine(stream);
                _writer = new StreamWriter(stream, new UTF8Encoding(false)) { NewLine = "\n" };
                _yaml = new YamlDocumentWriter(_writer, startsFile);
                return true;
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                _cmdlet.ThrowTerminatingError(ErrorRecords.CannotOpen(_path, e));
                return false;
            }
        }

        /// <summary>A file cut short mid-line would glue the next document onto a torn one.</summary>
        private void EnsureEndsWithNewLine(FileStream appendStream)
        {
            using (var reader = new FileStream(_path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite))
            {
                reader.Seek(-1, SeekOrigin.End);
                if (reader.ReadByte() == '\n') return;
            }
            appendStream.WriteByte((byte)'\n');
        }
    }
}
