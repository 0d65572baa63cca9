using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;

// Compiled for net472 only (see the csproj): the few .NET 7+ file-system calls the tests make, so the same test
// sources run on .NET Framework (Windows) and Mono without #if in every file. In the tests' root namespace, so every
// test file sees them.
namespace InterviewTools.Engine.Tests
{
    [Flags]
    internal enum UnixFileMode
    {
        None = 0,
        OtherExecute = 1,
        OtherWrite = 2,
        OtherRead = 4,
        GroupExecute = 8,
        GroupWrite = 16,
        GroupRead = 32,
        UserExecute = 64,
        UserWrite = 128,
        UserRead = 256,
    }

    internal static class NetFrameworkShims
    {
        extension(Directory)
        {
            public static DirectoryInfo CreateTempSubdirectory(string? prefix = null) =>
                Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), (prefix ?? string.Empty) + Path.GetRandomFileName()));
        }

        extension(File)
        {
            /// <summary>The permission bits as `stat` reports them: .NET Framework has no API for them (Unix under Mono only).</summary>
            public static UnixFileMode GetUnixFileMode(string path)
            {
                var start = new ProcessStartInfo("stat", "-c %a \"" + path + "\"") { RedirectStandardOutput = true, UseShellExecute = false };
                using var stat = Process.Start(start) ?? throw new InvalidOperationException("Cannot start stat.");
                var octal = stat.StandardOutput.ReadToEnd().Trim();
                stat.WaitForExit();
                if (stat.ExitCode != 0) throw new IOException($"stat failed for {path} with exit code {stat.ExitCode}.");
                return (UnixFileMode)Convert.ToInt32(octal, 8);
            }
        }
    }
}
