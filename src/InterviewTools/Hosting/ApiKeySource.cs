using System;
using System.Runtime.InteropServices;
using System.Security;

namespace InterviewTools.Hosting
{
    /// <summary>Where the key comes from, in order: -ApiKey, then GEMINI_API_KEY, then GOOGLE_API_KEY.</summary>
    internal static class ApiKeySource
    {
        public static readonly string[] Variables = { "GEMINI_API_KEY", "GOOGLE_API_KEY" };

        public static string? Find(SecureString? parameter)
        {
            if (parameter != null && parameter.Length > 0) return Reveal(parameter);
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
