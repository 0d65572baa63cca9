using System;
using System.Collections.Generic;
using System.Management.Automation;
using InterviewTools.Resources;
using Microsoft.PowerShell.Commands;

namespace InterviewTools.Hosting
{
    /// <summary>Resolves -Path and -LiteralPath through the provider, so relative paths follow the PowerShell location and ~ works.</summary>
    internal static class PathHelper
    {
        /// <summary>
        /// The provider paths for -Path or -LiteralPath, or null after writing the error that says why there are none.
        /// <paramref name="notFound"/> makes that error (path, message); by default it is a PostNotFound error.
        /// </summary>
        public static IReadOnlyList<string>? ResolveExisting(PSCmdlet cmdlet, string path, bool literal, Func<string, string, ErrorRecord>? notFound = null)
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
            catch (Exception e) when (e is ItemNotFoundException || e is DriveNotFoundException || e is ProviderNotFoundException)
            {
                cmdlet.WriteError(notFound != null ? notFound(path, e.Message) : ErrorRecords.PathNotFound(path, e));
                return null;
            }
            if (provider.ImplementingType != typeof(FileSystemProvider))
            {
                cmdlet.WriteError(ErrorRecords.PathNotFileSystem(path, provider.Name));
                return null;
            }
            if (resolved.Count == 0) cmdlet.WriteError(notFound != null ? notFound(path, Message.Format(HostingMessages.NoFileMatches, path)) : ErrorRecords.NoMatch(path));
            return resolved;
        }

        /// <summary>
        /// The file an export writes to. As in Export-Csv, a -Path wildcard that matches one existing file means that
        /// file; one that matches none names a new file literally.
        /// </summary>
        public static string? ResolveOutputFile(PSCmdlet cmdlet, string path, bool literal, out ErrorRecord? error)
        {
            error = null;
            try
            {
                if (!literal && WildcardPattern.ContainsWildcardCharacters(path))
                {
                    var matches = cmdlet.SessionState.Path.GetResolvedProviderPathFromPSPath(path, out var matchedProvider);
                    if (matches.Count > 1)
                    {
                        error = ErrorRecords.AmbiguousPath(path);
                        return null;
                    }
                    if (matches.Count == 1)
                    {
                        return matchedProvider.ImplementingType == typeof(FileSystemProvider) ? matches[0] : NotFileSystem(path, matchedProvider, out error);
                    }
                }
                var resolved = cmdlet.SessionState.Path.GetUnresolvedProviderPathFromPSPath(path, out var provider, out _);
                return provider.ImplementingType == typeof(FileSystemProvider) ? resolved : NotFileSystem(path, provider, out error);
            }
            catch (Exception e) when (e is ItemNotFoundException || e is DriveNotFoundException || e is ProviderNotFoundException || e is NotSupportedException)
            {
                error = ErrorRecords.PathNotFound(path, e);
                return null;
            }
        }

        private static string? NotFileSystem(string path, ProviderInfo provider, out ErrorRecord? error)
        {
            error = ErrorRecords.PathNotFileSystem(path, provider.Name);
            return null;
        }
    }
}
