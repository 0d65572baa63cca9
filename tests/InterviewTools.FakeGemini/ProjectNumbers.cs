using System;
using System.Globalization;
using System.Linq;

namespace InterviewTools.FakeGemini;

/// <summary>A stable 12-digit project number for a project label, for bodies that name "projects/N".</summary>
internal static class ProjectNumbers
{
    public static string For(string? projectLabel)
    {
        if (string.IsNullOrEmpty(projectLabel))
        {
            return FakeReply.DefaultProjectNumber;
        }

        if (projectLabel.All(char.IsAsciiDigit))
        {
            return projectLabel;
        }

        ulong hash = 14695981039346656037;
        foreach (char c in projectLabel)
        {
            hash = (hash ^ c) * 1099511628211;
        }

        return (100_000_000_000 + (hash % 900_000_000_000)).ToString(CultureInfo.InvariantCulture);
    }
}
