using System.Collections.Generic;

namespace InterviewTools.FakeGemini;

public sealed class FakeModel
{
    public FakeModel(string id, bool thinking = true)
    {
        Id = id;
        Thinking = thinking;
    }

    public string Id { get; }

    public int InputTokenLimit { get; init; } = 1_048_576;

    public int OutputTokenLimit { get; init; } = 65_536;

    public bool Thinking { get; init; }

    public string? DisplayName { get; init; }

    /// <summary>When set, every call on this model returns 404 with exactly this message and models.list leaves it out.</summary>
    public string? RetiredMessage { get; init; }

    public string Name => "models/" + Id;

    public static string NoLongerAvailableMessage(string id) =>
        $"This model models/{id} is no longer available to new users. Please update your code to use a newer model for the latest features and improvements.";

    public static FakeModel Retired(string id) => new(id) { RetiredMessage = NoLongerAvailableMessage(id) };

    public static List<FakeModel> Defaults() =>
    [
        new("gemini-2.5-flash", thinking: true),
        new("gemini-2.5-flash-lite", thinking: false),
        new("gemini-3.5-flash", thinking: true),
        new("gemini-3.1-flash-lite", thinking: false),
        new("gemini-3.5-flash-lite", thinking: false),
    ];
}
