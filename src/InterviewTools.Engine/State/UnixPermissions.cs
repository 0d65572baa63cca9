using System.Runtime.InteropServices;

namespace InterviewTools.Engine.State
{
    /// <summary>chmod through libc: netstandard2.0 has no File.SetUnixFileMode.</summary>
    internal static class UnixPermissions
    {
        private const uint UserReadWrite = 0x180;
        private const uint UserReadWriteExecute = 0x1C0;

        public static void RestrictToUser(string path, bool isDirectory)
        {
            if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows)) return;
            try
            {
                chmod(path, isDirectory ? UserReadWriteExecute : UserReadWrite);
            }
            catch (System.EntryPointNotFoundException)
            {
            }
            catch (System.DllNotFoundException)
            {
            }
        }

        [DllImport("libc", SetLastError = true)]
        private static extern int chmod(string path, uint mode);
    }
}
