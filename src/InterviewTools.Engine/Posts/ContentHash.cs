using System.Security.Cryptography;
using System.Text;

namespace InterviewTools.Engine.Posts
{
    public static class ContentHash
    {
        public static string Of(string normalizedText)
        {
            using var sha = SHA256.Create();
            var digest = sha.ComputeHash(Encoding.UTF8.GetBytes(normalizedText));
            var hex = new StringBuilder("sha256:", 7 + digest.Length * 2);
            foreach (var b in digest) hex.Append(b.ToString("x2"));
            return hex.ToString();
        }
    }
}
