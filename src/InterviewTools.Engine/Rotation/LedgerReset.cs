using System;
using System.Linq;

namespace InterviewTools.Engine.Rotation
{
    /// <summary>What Reset-QuotaStatus clears: everything, or the entries of one key, project or model.</summary>
    public sealed class LedgerReset
    {
        public string? KeyFingerprint { get; set; }
        public string? Project { get; set; }
        public string? Model { get; set; }

        public bool Everything => KeyFingerprint == null && Project == null && Model == null;

        internal int ApplyTo(LedgerState state)
        {
            var cleared = 0;
            var project = Project;
            if (KeyFingerprint != null && state.Keys.TryGetValue(KeyFingerprint, out var key))
            {
                project ??= key.Project;
                state.Keys.Remove(KeyFingerprint);
                cleared++;
            }
            foreach (var route in state.Routes.Where(r => Matches(r.Value, project)).Select(r => r.Key).ToList())
            {
                state.Routes.Remove(route);
                cleared++;
            }
            if (Project == null && KeyFingerprint == null)
            {
                foreach (var model in state.RetiredModels.Keys.Where(m => Model == null || string.Equals(m, Model, StringComparison.OrdinalIgnoreCase)).ToList())
                {
                    state.RetiredModels.Remove(model);
                    cleared++;
                }
            }
            if (Everything)
            {
                cleared += state.Keys.Count + (state.Listing == null ? 0 : 1);
                state.Keys.Clear();
                state.Listing = null;
            }
            return cleared;
        }

        private bool Matches(RouteUsage usage, string? project) =>
            (KeyFingerprint == null || project != null)
            && (project == null || usage.Project == project)
            && (Model == null || string.Equals(usage.Model, Model, StringComparison.OrdinalIgnoreCase));
    }
}
