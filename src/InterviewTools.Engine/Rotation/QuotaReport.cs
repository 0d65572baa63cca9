using System;
using System.Collections.Generic;
using System.Linq;
using InterviewTools.Engine.Common;

namespace InterviewTools.Engine.Rotation
{
    /// <summary>Builds the key × model rows of Get-QuotaStatus from the ledger alone, without calling the API.</summary>
    public static class QuotaReport
    {
        public static IReadOnlyList<RouteStatus> Build(LedgerState state, IReadOnlyList<PooledKey> keys, IReadOnlyList<string> chain, RouteLimits limits, DateTimeOffset now)
        {
            var keyProjects = keys.GroupBy(k => k.Key.Fingerprint).ToDictionary(g => g.Key, g => g.First().Project, StringComparer.Ordinal);
            foreach (var record in state.Keys.Where(r => !keyProjects.ContainsKey(r.Key))) keyProjects[record.Key] = record.Value.Project;

            var models = new List<string>(chain);
            models.AddRange(state.Routes.Values.Select(r => r.Model).Concat(state.RetiredModels.Keys)
                .Where(m => !models.Contains(m, StringComparer.OrdinalIgnoreCase)).Distinct(StringComparer.OrdinalIgnoreCase).OrderBy(m => m, StringComparer.Ordinal));

            var rows = new List<RouteStatus>();
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

        private static RouteStatus Row(LedgerState state, string fingerprint, string project, string model, RouteUsage? usage, RouteLimits limits, DateTimeOffset now)
        {
            usage ??= new RouteUsage { Project = project, Model = model };
            RouteCapacity.Normalize(usage, now);
            var limit = limits.For(model, usage, state.LearnedForModel(model));
            var row = new RouteStatus
            {
                KeyFingerprint = fingerprint,
                Project = project,
                Model = model,
                RequestsPerMinute = limit.RequestsPerMinute,
                InputTokensThisMinute = usage.Minute.Sum(b => b.Tokens),
                RequestsThisMinute = usage.Minute.Sum(b => b.Requests),
                InputTokensPerMinute = limit.InputTokensPerMinute,
                RequestsToday = usage.DayRequests,
                RequestsPerDay = limit.RequestsPerDay,
                RemainingToday = usage.ExhaustedUntil != null ? 0 : limit.RequestsPerDay - usage.DayRequests is { } left ? Math.Max(0, left) : (int?)null,
                CoolingUntil = usage.CoolingUntil,
                ResetsAt = PacificTime.NextMidnight(now),
                LastError = usage.LastError,
                LastErrorAt = usage.LastErrorAt,
            };
            row.State = StateOf(state, fingerprint, model, usage, limit, row, now);
            return row;
        }

        private static RouteState StateOf(LedgerState state, string fingerprint, string model, RouteUsage usage, QuotaLimits limit, RouteStatus row, DateTimeOffset now)
        {
            if (state.Keys.TryGetValue(fingerprint, out var key) && key.Disabled != null)
            {
                row.LastError = key.Disabled.Reason;
                row.LastErrorAt = key.Disabled.At;
                return RouteState.KeyDisabled;
            }
            if (state.RetiredModels.TryGetValue(model, out var retired))
            {
                row.LastError = retired.Reason;
                row.LastErrorAt = retired.At;
                return RouteState.Retired;
            }
            if (state.Listing != null && !state.Listing.InputTokenLimits.ContainsKey(model))
            {
                row.LastError ??= "Not offered by models.list.";
                return RouteState.Retired;
            }
            if (usage.NoFreeTier) return RouteState.NoFreeTier;
            if (usage.ExhaustedUntil != null || row.RemainingToday == 0) return RouteState.ExhaustedToday;
            var blockage = RouteCapacity.Check(usage, limit, 0, now);
            if (blockage != null)
            {
                row.CoolingUntil ??= blockage.Until;
                return RouteState.CoolingDown;
            }
            return RouteState.Available;
        }
    }
}
