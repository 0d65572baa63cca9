namespace InterviewTools.FakeGemini;

/// <summary>Per (project, model) limits; null means no limit, 0 means no quota at all.</summary>
public sealed record QuotaLimits(int? Rpm = null, long? InputTpm = null, int? Rpd = null)
{
    public static QuotaLimits Unlimited { get; } = new();

    /// <summary>The §9.6 "default profile for tests": RPM 10, input TPM 250,000, RPD 20.</summary>
    public static QuotaLimits FreeTier { get; } = new(Rpm: 10, InputTpm: 250_000, Rpd: 20);

    /// <summary>A model without free quota: every request gets the <c>limit: 0</c> body.</summary>
    public static QuotaLimits None { get; } = new(Rpm: 0, InputTpm: 0, Rpd: 0);
}
