using System;
using System.IO;
using System.Threading;

namespace InterviewTools.Engine.State
{
    /// <summary>Writes a whole file so that readers, in this process or another, see the old content or the new, never a mix.</summary>
    internal static class AtomicFile
    {
        /// <summary>
        /// Writes next to <paramref name="path"/>, restricts it to the user and renames it into place. <paramref name="flushToDisk"/> also
        /// survives a power cut; without it the file survives a killed process, which is all the ledger, rewritten on every request, needs.
        /// </summary>
        public static void Write(string path, Action<Stream> write, bool flushToDisk = true)
        {
            var directory = Path.GetDirectoryName(path)!;
            StateDirectory.Ensure(directory);
            var temporary = Path.Combine(directory, Path.GetFileName(path) + "." + Guid.NewGuid().ToString("N") + ".tmp");
            try
            {
                using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
                {
                    write(stream);
                    stream.Flush(flushToDisk);
                }
                UnixPermissions.RestrictToUser(temporary, isDirectory: false);
                Replace(temporary, path);
            }
            finally
            {
                if (File.Exists(temporary)) File.Delete(temporary);
            }
        }

        private static void Replace(string source, string destination)
        {
            for (var attempt = 0; ; attempt++)
            {
                try
                {
                    if (File.Exists(destination)) File.Replace(source, destination, null);
                    else File.Move(source, destination);
                    return;
                }
                catch (IOException) when (attempt < 50)
                {
                    // Another writer landed first (Move refuses an existing file) or, on Windows, a reader holds it: try again.
                    Thread.Sleep(10);
                }
                catch (UnauthorizedAccessException) when (attempt < 50)
                {
                    Thread.Sleep(10);
                }
            }
        }
    }
}
