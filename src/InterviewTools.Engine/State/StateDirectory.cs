using System;
using System.IO;
using System.Runtime.InteropServices;

namespace InterviewTools.Engine.State
{
    /// <summary>Where the ledger, the result cache and the config file live: one directory per user unless INTERVIEWTOOLS_STATE_DIR says otherwise.</summary>
    internal static class StateDirectory
    {
        public const string OverrideVariable = "INTERVIEWTOOLS_STATE_DIR";
        public const string ConfigFileName = "config.yaml";
        private const string FolderName = "InterviewTools";

        public static string Resolve() => Resolve(Environment.GetEnvironmentVariable);

        public static string Resolve(Func<string, string?> environment)
        {
            var overridden = environment(OverrideVariable);
            if (!string.IsNullOrWhiteSpace(overridden)) return Path.GetFullPath(overridden!.Trim());
            if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
            {
                return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), FolderName);
            }
            var xdgState = environment("XDG_STATE_HOME");
            var stateHome = string.IsNullOrWhiteSpace(xdgState) ? Path.Combine(Home(environment), ".local", "state") : xdgState!;
            return Path.Combine(stateHome, FolderName.ToLowerInvariant());
        }

        /// <summary>The config file: in the state directory when it is overridden (so a test or a project stays self-contained), else in the per-user config directory.</summary>
        public static string ConfigFile() => ConfigFile(Environment.GetEnvironmentVariable);

        public static string ConfigFile(Func<string, string?> environment)
        {
            if (!string.IsNullOrWhiteSpace(environment(OverrideVariable))) return Path.Combine(Resolve(environment), ConfigFileName);
            if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
            {
                return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.ApplicationData), FolderName, ConfigFileName);
            }
            var xdgConfig = environment("XDG_CONFIG_HOME");
            var configHome = string.IsNullOrWhiteSpace(xdgConfig) ? Path.Combine(Home(environment), ".config") : xdgConfig!;
            return Path.Combine(configHome, FolderName.ToLowerInvariant(), ConfigFileName);
        }

        /// <summary>Creates the directory readable by the user only, since the ledger names projects and key fingerprints.</summary>
        public static string Ensure(string directory)
        {
            if (!Directory.Exists(directory))
            {
                Directory.CreateDirectory(directory);
                UnixPermissions.RestrictToUser(directory, isDirectory: true);
            }
            return directory;
        }

        private static string Home(Func<string, string?> environment) =>
            environment("HOME") is { Length: > 0 } home ? home : Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
    }
}
