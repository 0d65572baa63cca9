using System.Security.Cryptography;
using System.Text;

namespace InterviewTools.Engine.Common
{
    /// <summary>SHA-256 of UTF-8 text as lower-case hex: the one digest behind content hashes, cache ids, key fingerprints and ledger names.</summary>
    internal static class Sha256
    {
        /// <summary>The first <paramref name="bytes"/> bytes of the digest (all 32 by default) after <paramref name="prefix"/>.</summary>
        public static string Hex(string text, string prefix = "", int bytes = 32)
        {
            using var sha = SHA256.Create();
            var digest = sha.ComputeHash(Encoding.UTF8.GetBytes(text));
            var hex = new StringBuilder(prefix, prefix.Length + bytes * 2);
            for (var i = 0; i < bytes; i++) hex.Append(digest[i].ToString("x2"));
            return hex.ToString();
        }
    }
}
