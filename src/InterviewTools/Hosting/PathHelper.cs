using System.Collections.Generic;
using System.Management.Automation;
using Microsoft.PowerShell.Commands;

namespace InterviewTools.Hosting
{
    /// <summary>Resolves -Path and -LiteralPath through the provider, so relative paths follow the PowerShell location and ~ works.</summary>
    internal static class PathHelper
    {
        public static IEnumerable<string> ResolveExisting(PSCmdlet cmdlet, string path, bool literal)
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
                return resolved;
            }
            catch (DriveNotFoundException e)
            {
                cmdlet.WriteError(ErrorRecords.PathNotFound(path, e));
                return resolved;
            }
            catch (ProviderNotFoundException e)
            {
                cmdlet.WriteError(ErrorRecords.PathNotFound(path, e));
                return resolved;
            }
            if (provider.ImplementingType != typeof(FileSystemProvider))
            {
                cmdlet.WriteError(ErrorRecords.PathNotFileSystem(path, provider.Name));
                resolved.Clear();
            }
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
