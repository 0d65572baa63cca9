using System.Collections.Generic;
using System.Management.Automation;
using Microsoft.PowerShell.Commands;

namespace InterviewTools.Hosting
{
    /// <summary>Resolves -Path and -LiteralPath through the provider, so relative paths follow the PowerShell location and ~ works.</summary>
    internal static class PathHelper
    {
        /// <summary>The provider paths for -Path or -LiteralPath, or null after writing the error that says why there are none.</summary>
        public static IReadOnlyList<string>? ResolveExisting(PSCmdlet cmdlet, string path, bool literal)
        {
            ProviderInfo provider;
            var resolved = new List<string>();
            try
            {
                if (literal)
                {
                    resolved.Add(cmdlet.SessionState.Path.GetUnresolvedProviderPathFromPSPath(path, out provider, out _));
                }
                else
                {
                    resolved.AddRange(cmdlet.SessionState.Path.GetResolvedProviderPathFromPSPath(path, out provider));
                }
            }
            catch (ItemNotFoundException e)
            {
                cmdlet.WriteError(ErrorRecords.PathNotFound(path, e));
                return null;
            }
            catch (DriveNotFoundException e)
            {
                cmdlet.WriteError(ErrorRecords.PathNotFound(path, e));
                return null;
            }
            catch (ProviderNotFoundException e)
            {
                cmdlet.WriteError(ErrorRecords.PathNotFound(path, e));
                return null;
            }
            if (provider.ImplementingType != typeof(FileSystemProvider))
            {
                cmdlet.WriteError(ErrorRecords.PathNotFileSystem(path, provider.Name));
                return null;
            }
            if (resolved.Count == 0) cmdlet.WriteError(ErrorRecords.NoMatch(path));
            return resolved;
        }

        public static string? ResolveOutputFile(PSCmdlet cmdlet, string path, out ErrorRecord? error)
        {
            error = null;
            var resolved = cmdlet.SessionState.Path.GetUnresolvedProviderPathFromPSPath(path, out var provider, out _);
            if (provider.ImplementingType != typeof(FileSystemProvider))
            {
                error = ErrorRecords.PathNotFileSystem(path, provider.Name);
                return null;
            }
            return resolved;
        }
    }
}
