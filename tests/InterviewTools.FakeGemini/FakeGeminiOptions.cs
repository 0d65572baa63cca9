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

    /// <summary>Drives quota windows and the daily reset only; delays (Latency, Slow) use real time.</summary>
    public TimeProvider Clock { get; set; } = TimeProvider.System;

    /// <summary>Added before every generate response.</summary>
    public TimeSpan Latency { get; set; } = TimeSpan.Zero;

    public int Port { get; set; }

    internal QuotaLimits QuotaFor(string model) =>
        ModelQuotas.TryGetValue(model, out var limits) ? limits : DefaultQuota;

    internal FakeModel? FindModel(string id) => Models.Find(m => m.Id == id);
}
