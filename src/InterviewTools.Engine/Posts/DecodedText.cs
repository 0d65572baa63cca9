using System.Collections.Generic;

namespace InterviewTools.Engine.Posts
{
    internal sealed class DecodedText
    {
        public DecodedText(string text, string encodingName, IReadOnlyList<string> warnings)
        {
            Text = text;
            EncodingName = encodingName;
            Warnings = warnings;
        }

        public string Text { get; }
        public string EncodingName { get; }
        public IReadOnlyList<string> Warnings { get; }
    }
}
