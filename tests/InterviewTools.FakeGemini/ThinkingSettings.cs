namespace InterviewTools.FakeGemini;

/// <summary>generationConfig.thinkingConfig as sent; all null/false when absent.</summary>
public sealed record ThinkingSettings(int? Budget, string? Level, bool IncludeThoughts)
{
    public static ThinkingSettings None { get; } = new(null, null, false);

    /// <summary>Thinking budget 0 turns thinking off; anything else (or nothing) leaves the model's default.</summary>
    public bool Disabled => Budget == 0;
}
