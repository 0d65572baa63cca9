using System;
using System.Collections.Generic;
using InterviewTools.Engine.Common;

namespace InterviewTools.Engine.Rotation
{
    /// <summary>The persisted ledger of one endpoint. Keys appear only as fingerprints.</summary>
    internal sealed class LedgerState
    {
        public int Version { get; set; } = 1;

        /// <summary>Usage per (project, model), keyed by <see cref="RouteUsage.KeyOf"/>.</summary>
        public Dictionary<string, RouteUsage> Routes { get; set; } = new Dictionary<string, RouteUsage>(StringComparer.Ordinal);

        public Dictionary<string, LedgerNote> RetiredModels { get; set; } = new Dictionary<string, LedgerNote>(StringComparer.OrdinalIgnoreCase);

        /// <summary>Keyed by fingerprint.</summary>
        public Dictionary<string, KeyRecord> Keys { get; set; } = new Dictionary<string, KeyRecord>(StringComparer.Ordinal);

        public ModelListing? Listing { get; set; }

        /// <summary>What the server's answers showed about each project; absent in ledgers written before tiers were learned.</summary>
        public Dictionary<string, ProjectRecord> Projects { get; set; } = new Dictionary<string, ProjectRecord>(StringComparer.Ordinal);

        public ProjectTier TierOf(string project) => Projects.TryGetValue(project, out var record) ? record.Tier : ProjectTier.Unknown;

        /// <summary>Records a tier the server's answer showed; the first evidence stands, since a project's tier does not change within a day's use.</summary>
        public void LearnTier(string project, ProjectTier tier, string evidence, DateTimeOffset at)
        {
            if (TierOf(project) == tier) return;
            Projects[project] = new ProjectRecord { Tier = tier, LearnedFrom = evidence, LearnedAt = at };
        }

        /// <summary>The tightest limits any project has learned for <paramref name="model"/>, or null when none has.</summary>
        public QuotaLimits? LearnedForModel(string model)
        {
            QuotaLimits? merged = null;
            foreach (var usage in Routes.Values)
            {
                if (!string.Equals(usage.Model, model, StringComparison.OrdinalIgnoreCase)) continue;
                var learned = usage.Learned;
                merged ??= new QuotaLimits();
                merged.RequestsPerMinute = Min(merged.RequestsPerMinute, learned.RequestsPerMinute);
                merged.InputTokensPerMinute = Min(merged.InputTokensPerMinute, learned.InputTokensPerMinute);
                merged.RequestsPerDay = Min(merged.RequestsPerDay, learned.RequestsPerDay);
                merged.InputTokensPerDay = Min(merged.InputTokensPerDay, learned.InputTokensPerDay);
            }
            return merged;
        }

        private static int? Min(int? a, int? b) => a == null ? b : b == null ? a : Math.Min(a.Value, b.Value);

        private static long? Min(long? a, long? b) => a == null ? b : b == null ? a : Math.Min(a.Value, b.Value);

        public RouteUsage Route(string project, string model)
        {
            var key = RouteUsage.KeyOf(project, model);
            if (!Routes.TryGetValue(key, out var usage))
            {
                usage = new RouteUsage { Project = project, Model = model };
                Routes[key] = usage;
            }
            return usage;
        }
    }

    internal sealed class RouteUsage
    {
        public string Project { get; set; } = string.Empty;
        public string Model { get; set; } = string.Empty;

        /// <summary>Requests of the last minute in one-second buckets: the server's window slides, and buckets keep the file small at any rate.</summary>
        public List<MinuteBucket> Minute { get; set; } = new List<MinuteBucket>();

        /// <summary>The Pacific quota day that <see cref="DayRequests"/> and <see cref="DayTokens"/> count.</summary>
        public string Day { get; set; } = string.Empty;
        public int DayRequests { get; set; }
        public long DayTokens { get; set; }

        public DateTimeOffset? CoolingUntil { get; set; }
        public DateTimeOffset? ExhaustedUntil { get; set; }
        public bool NoFreeTier { get; set; }
        public QuotaLimits Learned { get; set; } = new QuotaLimits();

        /// <summary>The quotaIds of the 429s that stated <see cref="Learned"/>; absent in ledgers written before sources were kept.</summary>
        public string? LearnedQuotaId { get; set; }

        /// <summary>When the server last stated a limit for this route.</summary>
        public DateTimeOffset? LearnedAt { get; set; }
        public string? LastError { get; set; }
        public DateTimeOffset? LastErrorAt { get; set; }
        public string? LastKey { get; set; }

        /// <summary>
        /// The route once took more requests in a minute than any free tier allows: its limits, if unknown, are a paid tier's,
        /// and it need not be probed one request at a time.
        /// </summary>
        public bool BeyondFreeTier { get; set; }

        /// <summary>
        /// Until when a request of some process is out on this route while its limits are unconfirmed: no second request goes
        /// until its answer. In the ledger, so every process honours it; it expires in case its process dies first.
        /// </summary>
        public DateTimeOffset? ProbeUntil { get; set; }

        public static string KeyOf(string project, string model) => project + "|" + model;
    }

    internal sealed class ProjectRecord
    {
        public ProjectTier Tier { get; set; }
        public string? LearnedFrom { get; set; }
        public DateTimeOffset? LearnedAt { get; set; }

        /// <summary>
        /// Until when a request past an assumed limit is out finding the tier. It is in the ledger, not in memory, so two processes
        /// never both probe; it expires in case its process dies before the answer.
        /// </summary>
        public DateTimeOffset? ProbeUntil { get; set; }
    }

    internal sealed class MinuteBucket
    {
        /// <summary>Unix seconds at which the bucket starts.</summary>
        public long Second { get; set; }
        public int Requests { get; set; }
        public long Tokens { get; set; }
    }

    internal sealed class LedgerNote
    {
        public string Reason { get; set; } = string.Empty;
        public DateTimeOffset At { get; set; }
    }

    internal sealed class KeyRecord
    {
        public string Project { get; set; } = string.Empty;
        public DateTimeOffset? LastUsed { get; set; }
        public LedgerNote? Disabled { get; set; }
    }

    /// <summary>models.list as last read, so a run validates its chain without listing again for a day.</summary>
    internal sealed class ModelListing
    {
        public DateTimeOffset FetchedAt { get; set; }
        public Dictionary<string, int> InputTokenLimits { get; set; } = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);

        /// <summary>Each model's outputTokenLimit, the ceiling of a MAX_TOKENS retry; absent in ledgers written before it was kept.</summary>
        public Dictionary<string, int> OutputTokenLimits { get; set; } = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
    }
}
