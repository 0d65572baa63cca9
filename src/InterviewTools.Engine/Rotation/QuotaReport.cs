using System;
using System.Collections.Generic;
using System.Linq;
using InterviewTools.Engine.Common;

namespace InterviewTools.Engine.Rotation
{
    /// <summary>Builds the key × model rows of Get-QuotaStatus from the ledger alone, without calling the API. Times are local.</summary>
    internal static class QuotaReport
    {
        public static IReadOnlyList<QuotaStatus> Build(LedgerState state, IReadOnlyList<PooledKey> keys, IReadOnlyList<string> chain, RouteLimits limits, DateTimeOffset now)
        {
            var keyProjects = keys.GroupBy(k => k.Key.Fingerprint).ToDictionary(g => g.Key, g => g.First().Project, StringComparer.Ordinal);
            foreach (var record in state.Keys.Where(r => !keyProjects.ContainsKey(r.Key))) keyProjects[record.Key] = record.Value.Project;

            var models = new List<string>(chain);
            models.AddRange(state.Routes.Values.Select(r => r.Model).Concat(state.RetiredModels.Keys)
                .Where(m => !models.Contains(m, StringComparer.OrdinalIgnoreCase)).Distinct(StringComparer.OrdinalIgnoreCase).OrderBy(m => m, StringComparer.Ordinal));

            var rows = new List<QuotaStatus>();
            foreach (var key in keyProjects)
            {
                foreach (var model in models)
                {
                    state.Routes.TryGetValue(RouteUsage.KeyOf(key.Value, model), out var usage);
                    if (usage == null && !chain.Contains(model, StringComparer.OrdinalIgnoreCase) && !state.RetiredModels.ContainsKey(model)) continue;
                    rows.Add(Row(state, key.Key, key.Value, model, usage, limits, now));
                }
            }
            return rows;
        }

        private static QuotaStatus Row(LedgerState state, string fingerprint, string project, string model, RouteUsage? usage, RouteLimits limits, DateTimeOffset now)
        {
            usage ??= new RouteUsage { Project = project, Model = model };
            RouteCapacity.Normalize(usage, now);
            var learnedElsewhere = state.LearnedForModel(model);
            var tier = state.Projects.TryGetValue(project, out var known) ? known : new ProjectRecord();
            var limit = limits.For(model, usage, learnedElsewhere, tier.Tier);
            var remaining = usage.ExhaustedUntil != null ? 0 : limit.RequestsPerDay - usage.DayRequests is { } left ? Math.Max(0, left) : (int?)null;
            var lastError = (Reason: usage.LastError, At: usage.LastErrorAt);
            var coolingUntil = usage.CoolingUntil;
            var routeState = StateOf(state, fingerprint, model, usage, limit, remaining, ref lastError, ref coolingUntil, now);
            return new QuotaStatus
            {
                KeyId = fingerprint,
                Project = project,
                Model = model,
                Tier = tier.Tier,
                TierLearnedFrom = tier.LearnedFrom,
                TierLearnedAt = tier.LearnedAt?.LocalDateTime,
                State = routeState,
                RequestsThisMinute = usage.Minute.Sum(b => b.Requests),
                RequestsPerMinuteLimit = limit.RequestsPerMinute,
                InputTokensThisMinute = usage.Minute.Sum(b => b.Tokens),
                InputTokensPerMinuteLimit = limit.InputTokensPerMinute,
                RequestsToday = usage.DayRequests,
                RequestsPerDayLimit = limit.RequestsPerDay,
                RequestsPerMinuteLimitSource = limits.SourceOf(model, usage, learnedElsewhere, l => l.RequestsPerMinute, tier.Tier),
                InputTokensPerMinuteLimitSource = limits.SourceOf(model, usage, learnedElsewhere, l => l.InputTokensPerMinute, tier.Tier),
                RequestsPerDayLimitSource = limits.SourceOf(model, usage, learnedElsewhere, l => l.RequestsPerDay, tier.Tier),
                LimitQuotaId = usage.LearnedQuotaId,
                LimitLearnedAt = usage.LearnedAt?.LocalDateTime,
                RemainingToday = remaining,
                CoolingDownUntil = coolingUntil?.LocalDateTime,
                ResetsAt = PacificTime.NextMidnight(now).LocalDateTime,
                LastError = lastError.Reason,
                LastErrorAt = lastError.At?.LocalDateTime,
            };
        }

        private static QuotaState StateOf(LedgerState state, string fingerprint, string model, RouteUsage usage, QuotaLimits limit, int? remaining,
            ref (string? Reason, DateTimeOffset? At) lastError, ref DateTimeOffset? coolingUntil, DateTimeOffset now)
        {
            if (state.Keys.TryGetValue(fingerprint, out var key) && key.Disabled != null)
            {
                lastError = (key.Disabled.Reason, key.Disabled.At);
                return QuotaState.KeyDisabled;
            }
            if (state.RetiredModels.TryGetValue(model, out var retired))
            {
                lastError = (retired.Reason, retired.At);
                return QuotaState.Retired;
            }
            if (state.Listing != null && !state.Listing.InputTokenLimits.ContainsKey(model))
            {
                lastError.Reason ??= "Not offered by models.list.";
                return QuotaState.Retired;
            }
            if (usage.NoFreeTier) return QuotaState.NoFreeTier;
            if (usage.ExhaustedUntil != null || remaining == 0) return QuotaState.ExhaustedToday;
            var blockage = RouteCapacity.Check(usage, limit, 0, now);
            if (blockage != null)
            {
                coolingUntil ??= blockage.Until;
                return QuotaState.CoolingDown;
            }
            return QuotaState.Available;
        }
    }
}
