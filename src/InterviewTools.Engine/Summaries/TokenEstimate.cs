namespace InterviewTools.Engine.Summaries
{
    /// <summary>
    /// A bound that no tokenizer exceeds (2 per non-ASCII character, 1 per ASCII character), so a post under it
    /// needs no countTokens call, and a rough figure for -WhatIf, which may not use the network.
    /// </summary>
    internal static class TokenEstimate
    {
        public static long UpperBound(string text)
        {
            long bound = 0;
            foreach (var c in text) bound += c < 0x80 ? 1 : 2;
            return bound;
        }

        /// <summary>The rough input of one request: the system instruction the prompt makes plus the post's body.</summary>
        public static long OfRequest(string prompt, string body) => Rough(SummaryPrompt.SystemInstruction(prompt)) + Rough(body);

        public static long Rough(string text)
        {
            long nonAscii = 0, ascii = 0;
            foreach (var c in text)
            {
                if (c < 0x80) ascii++;
                else nonAscii++;
            }
            return nonAscii + (ascii + 3) / 4;
        }
    }
}
