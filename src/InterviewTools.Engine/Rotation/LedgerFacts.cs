using System;
using InterviewTools.Engine.Common;

namespace InterviewTools.Engine.Rotation
{
    /// <summary>
    /// What an answer teaches the ledger, the same in every store: learned limits, tiers, retired models, refused keys (by
    /// fingerprint), and the cool-down or the day's end a verdict sets on its route.
    /// </summary>
    internal static class LedgerFacts
    {
        /// <summary>A request succeeded: a route that outran every free tier, or a probe past an assumed limit, shows a paid tier.</summary>
        public static void Settled(LedgerState state, Reservation reservation, int requestsThisMinute, DateTimeOffset now)
        {
            var route = reservation.Route;
            if (requestsThisMinute > FreeTierDefaults.HighestRequestsPerMinute)
            {
                state.Route(route.Project, route.Model).BeyondFreeTier = true;
                state.LearnTier(route.Project, ProjectTier.Paid, $"{requestsThisMinute} requests to {route.Model} in a minute succeeded", now);
            }
            if (reservation.PastAssumedLimit != null)
            {
                Project(state, route.Project).ProbeUntil = null;
                state.LearnTier(route.Project, ProjectTier.Paid,
                    $"a request to {route.Model} past the assumed free-tier limit ({reservation.PastAssumedLimit}) succeeded", now);
            }
        }

        /// <summary>The route's own clocks: its last error, a cool-down, or the day's end.</summary>
        public static void ApplyTiming(RouteUsage usage, RotationVerdict verdict, DateTimeOffset now)
        {
            usage.LastError = verdict.Reason;
            usage.LastErrorAt = now;
            switch (verdict.Action)
            {
                case RotationAction.ExhaustedToday:
                    usage.ExhaustedUntil = PacificTime.NextMidnight(now);
                    break;
                case RotationAction.NoFreeTier:
                    usage.ExhaustedUntil = PacificTime.NextMidnight(now);
                    usage.NoFreeTier = true;
                    break;
                case RotationAction.CoolDown:
                case RotationAction.Transient:
                    var until = now + verdict.CoolDown;
                    if (verdict.CoolDown > TimeSpan.Zero && !(usage.CoolingUntil >= until)) usage.CoolingUntil = until;
                    break;
            }
        }

        /// <summary>What the verdict says beyond its route's clocks: limits the server stated, the tier, a retired model, a refused key.</summary>
        public static void Apply(LedgerState state, Route route, RotationVerdict verdict, DateTimeOffset now)
        {
            var usage = state.Route(route.Project, route.Model);
            if (verdict.Learned != null && !IsEmpty(verdict.Learned))
            {
                usage.Learned = verdict.Learned.Over(usage.Learned);
                usage.LearnedQuotaId = verdict.QuotaId ?? usage.LearnedQuotaId;
                usage.LearnedAt = now;
            }
            if (verdict.QuotaId != null)
            {
                // A 429's quotaId is the only statement of a tier the server makes: "-FreeTier" on the free tier, none on paid tiers.
                var free = verdict.QuotaId.IndexOf("-FreeTier", StringComparison.OrdinalIgnoreCase) >= 0;
                state.LearnTier(route.Project, free ? ProjectTier.Free : ProjectTier.Paid, "429 " + verdict.QuotaId, now);
            }
            switch (verdict.Action)
            {
                case RotationAction.RetireModel:
                    state.RetiredModels[route.Model] = new LedgerNote { Reason = verdict.Reason, At = now };
                    break;
                case RotationAction.DisableKey:
                    Key(state, route.Key).Disabled = new LedgerNote { Reason = verdict.Reason, At = now };
                    break;
            }
        }

        /// <summary>Whether the verdict teaches anything beyond its route's clocks.</summary>
        public static bool HasFacts(RotationVerdict verdict) =>
            (verdict.Learned != null && !IsEmpty(verdict.Learned)) || verdict.QuotaId != null
            || verdict.Action == RotationAction.RetireModel || verdict.Action == RotationAction.DisableKey;

        private static bool IsEmpty(QuotaLimits limits) =>
            limits.RequestsPerMinute == null && limits.InputTokensPerMinute == null && limits.RequestsPerDay == null && limits.InputTokensPerDay == null;

        public static ProjectRecord Project(LedgerState state, string project)
        {
            if (!state.Projects.TryGetValue(project, out var record))
            {
                record = new ProjectRecord();
                state.Projects[project] = record;
            }
            return record;
        }

        public static KeyRecord Key(LedgerState state, PooledKey key)
        {
            if (!state.Keys.TryGetValue(key.Key.Fingerprint, out var record))
            {
                record = new KeyRecord();
                state.Keys[key.Key.Fingerprint] = record;
            }
            record.Project = key.Project;
            return record;
        }
    }
}
