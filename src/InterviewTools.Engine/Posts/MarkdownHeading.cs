using System.Text.RegularExpressions;

namespace InterviewTools.Engine.Posts
{
    internal static class MarkdownHeading
    {
        private static readonly Regex TopHeading = new Regex(@"^#{1,2}[ \t]+(?<text>[^\n]+?)[ \t#]*$", RegexOptions.Compiled);

        /// <summary>The text of a <c># heading</c> or <c>## heading</c> on the first non-empty line, the title of a Markdown post without front matter.</summary>
        public static string? FirstHeading(string normalizedBody)
        {
            var end = normalizedBody.IndexOf('\n');
            var first = (end < 0 ? normalizedBody : normalizedBody.Substring(0, end)).Trim();
            var match = TopHeading.Match(first);
            return match.Success ? match.Groups["text"].Value : null;
        }
    }
}
