using System;
using System.Runtime.InteropServices;
using System.Security;

namespace InterviewTools.Hosting
{
    /// <summary>Where the key comes from, in order: -ApiKey, then GEMINI_API_KEY, then GOOGLE_API_KEY.</summary>
    internal static class ApiKeySource
    {
        public static readonly string[] Variables = { "GEMINI_API_KEY", "GOOGLE_API_KEY" };

        /// <summary>The key, or null when none is configured. A blank -ApiKey counts as none rather than falling back to the environment behind the user's back.</summary>
        public static string? Find(SecureString? parameter)
        {
            if (parameter != null)
            {
                var given = Reveal(parameter).Trim();
                return given.Length > 0 ? given : null;
            }
            foreach (var variable in Variables)
            {
                var value = Environment.GetEnvironmentVariable(variable);
                if (!string.IsNullOrWhiteSpace(value)) return value.Trim();
            }
            return null;
        }

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
