using System.Collections.Generic;
using System.Text;

namespace InterviewTools.FakeGemini;

/// <summary>Deterministic stand-in for Gemini's tokenizer: each non-ASCII letter is one token, each ASCII word ceil(len/4).</summary>
public static class TokenCounter
{
    /// <summary>What one inline image/file part costs.</summary>
    public const int MediaPartTokens = 258;

    public static int Count(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return 0;
        }

        int tokens = 0;
        int asciiRun = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            if (rune.IsAscii && !Rune.IsWhiteSpace(rune))
            {
                asciiRun++;
                continue;
            }

            tokens += AsciiWordTokens(asciiRun);
            asciiRun = 0;
            if (!Rune.IsWhiteSpace(rune))
            {
                tokens++;
            }
        }

        return tokens + AsciiWordTokens(asciiRun);
    }

    /// <summary>The longest prefix of <paramref name="text"/> that costs at most <paramref name="maxTokens"/>.</summary>
    public static string Truncate(string text, int maxTokens)
    {
        if (Count(text) <= maxTokens)
        {
            return text;
        }

        var boundaries = new List<int> { 0 };
        foreach (var rune in text.EnumerateRunes())
        {
            boundaries.Add(boundaries[^1] + rune.Utf16SequenceLength);
        }

        // Prefix cost never decreases as the prefix grows, so binary search works.
        int low = 0, high = boundaries.Count - 1;
        while (low < high)
        {
            int mid = (low + high + 1) / 2;
            if (Count(text[..boundaries[mid]]) <= maxTokens)
            {
                low = mid;
            }
            else
            {
                high = mid - 1;
            }
        }

        return text[..boundaries[low]];
    }

    private static int AsciiWordTokens(int length) => (length + 3) / 4;
}
