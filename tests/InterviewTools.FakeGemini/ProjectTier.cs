namespace InterviewTools.FakeGemini;

/// <summary>
/// A project's billing tier. Google never states it; it shows only in a 429, whose quotaId carries
/// <c>-FreeTier</c> on the free tier and paid metric names without that suffix on a paid tier (§9.4).
/// </summary>
public enum ProjectTier
{
    Free,
    Paid,
}
