using System;
using System.Linq;

namespace InterviewTools.Engine.Rotation
{
    /// <summary>
    /// What Reset-QuotaStatus clears. A key: its refusal. A project and/or model: their usage, cool-downs and learned limits (a project alone: also its tier).
    /// A model: also its retirement, which holds for every key. Nothing named: everything, including the cached model list.
    /// </summary>
    public sealed class LedgerReset
    {
        public string? KeyFingerprint { get; set; }
        public string? Project { get; set; }
        public string? Model { get; set; }

        /// <summary>False leaves usage and cool-downs alone, for forgetting only a model's retirement.</summary>
        public bool ClearUsage { get; set; } = true;

        public bool Everything => KeyFingerprint == null && Project == null && Model == null;

        /// <summary>
        /// What resetting a Get-QuotaStatus row means: a refused key is re-enabled, a retired model is forgiven (its usage stays),
        /// and any other row's project and model lose their usage, cool-downs and learned limits.
        /// </summary>
        public static LedgerReset For(QuotaStatus row) => row.State switch
        {
            QuotaState.KeyDisabled => new LedgerReset { KeyFingerprint = row.KeyId },
            QuotaState.Retired => new LedgerReset { Model = row.Model, ClearUsage = false },
            _ => new LedgerReset { Project = row.Project, Model = row.Model },
        };

        /// <summary>For confirmation prompts and logs: what this reset clears.</summary>
        public string Describe() => Everything
            ? "every entry (usage, cool-downs, learned limits, tiers, refused keys, retired models, model list)"
            : string.Join(", ", new[] { KeyFingerprint == null ? null : "key " + KeyFingerprint, Project == null ? null : "project " + Project, Model == null ? null : "model " + Model }.Where(p => p != null))
                + (ClearUsage ? string.Empty : " (its retirement only)");

        internal int ApplyTo(LedgerState state)
        {
            if (Everything)
            {
                var all = state.Routes.Count + state.Keys.Count + state.RetiredModels.Count + state.Projects.Count + (state.Listing == null ? 0 : 1);
                state.Routes.Clear();
                state.Projects.Clear();
                state.Keys.Clear();
                state.RetiredModels.Clear();
                state.Listing = null;
                return all;
            }
            var cleared = 0;
            if (KeyFingerprint != null && state.Keys.Remove(KeyFingerprint)) cleared++;
            if (ClearUsage && (Project != null || Model != null))
            {
                foreach (var route in state.Routes.Where(r => Matches(r.Value)).Select(r => r.Key).ToList())
                {
                    state.Routes.Remove(route);
                    cleared++;
                }
            }
            // A project reset forgets its tier too: it is learned again, with at most one 429, like everything else about it.
            if (ClearUsage && Project != null && Model == null && state.Projects.Remove(Project)) cleared++;
            if (Model != null && state.RetiredModels.Remove(Model)) cleared++;
            return cleared;
        }

        private bool Matches(RouteUsage usage) =>
            (Project == null || usage.Project == Project) && (Model == null || string.Equals(usage.Model, Model, StringComparison.OrdinalIgnoreCase));
    }
}
