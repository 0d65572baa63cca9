using System;
using System.Collections.Generic;

namespace InterviewTools.FakeGemini;

public sealed class FakeGeminiOptions
{
    /// <summary>API key → project label. Keys of one project share its quota.</summary>
    public Dictionary<string, string> Keys { get; set; } = new(StringComparer.Ordinal) { ["test-key-1"] = "project-1" };

    /// <summary>Keys that answer with a scripted auth/billing failure; they need not be in <see cref="Keys"/>.</summary>
    public Dictionary<string, KeyFault> KeyFaults { get; set; } = new(StringComparer.Ordinal);

    public List<FakeModel> Models { get; set; } = FakeModel.Defaults();

    /// <summary>Unlimited by default so plain tests never trip quotas; use <see cref="QuotaLimits.FreeTier"/> to test them.</summary>
    public QuotaLimits DefaultQuota { get; set; } = QuotaLimits.Unlimited;

    /// <summary>Model id → limits overriding <see cref="DefaultQuota"/>.</summary>
    public Dictionary<string, QuotaLimits> ModelQuotas { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Project label → limits for every model of that project, overriding <see cref="ModelQuotas"/> and <see cref="DefaultQuota"/>.</summary>
    public Dictionary<string, QuotaLimits> ProjectQuotas { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Project label → billing tier; a project not listed is on the free tier, as a new AI Studio project is.</summary>
    public Dictionary<string, ProjectTier> ProjectTiers { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Drives quota windows and the daily reset only; delays (Latency, Slow) use real time.</summary>
    public TimeProvider Clock { get; set; } = TimeProvider.System;

    /// <summary>Added before every generate response.</summary>
    public TimeSpan Latency { get; set; } = TimeSpan.Zero;

    /// <summary>When longer than <see cref="Latency"/>, each generate call waits a uniformly random time between the two, as a real service varies.</summary>
    public TimeSpan LatencyMax { get; set; } = TimeSpan.Zero;

    public int Port { get; set; }

    internal QuotaLimits QuotaFor(string project, string model) =>
        ProjectQuotas.TryGetValue(project, out var byProject) ? byProject
        : ModelQuotas.TryGetValue(model, out var byModel) ? byModel
        : DefaultQuota;

    internal ProjectTier TierOf(string project) =>
        ProjectTiers.TryGetValue(project, out var tier) ? tier : ProjectTier.Free;

    internal FakeModel? FindModel(string id) => Models.Find(m => m.Id == id);
}
