using InterviewTools.Engine.Common;

namespace InterviewTools.Engine.Posts
{
    internal static class ContentHash
    {
        public static string Of(string normalizedText) => Sha256.Hex(normalizedText, "sha256:");
    }
}
