using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.InteropServices;
using System.Security;

namespace InterviewTools.Hosting
{
    /// <summary>Reveals -ApiKey values for the engine's key pool, which is the only place that holds them.</summary>
    internal static class ApiKeySource
    {
        /// <summary>The keys given with -ApiKey, or an empty list when none was given. Blank entries count as none.</summary>
        public static IReadOnlyList<string> Reveal(SecureString[]? parameter) =>
            parameter == null ? Array.Empty<string>() : parameter.Select(Reveal).Where(k => k.Trim().Length > 0).ToList();

        private static string Reveal(SecureString secure)
        {
            var pointer = IntPtr.Zero;
            try
            {
                pointer = Marshal.SecureStringToGlobalAllocUnicode(secure);
                return Marshal.PtrToStringUni(pointer) ?? string.Empty;
            }
            finally
            {
                if (pointer != IntPtr.Zero) Marshal.ZeroFreeGlobalAllocUnicode(pointer);
            }
        }
    }
}
