using System;
using System.Linq;

namespace InterviewTools.Engine.Rotation
{
    /// <summary>Whether one (project, model) can take a request of a given size now, and if not, from when.</summary>
    internal static class RouteCapacity
    {
        public static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

        /// <summary>Rolls the day over and drops stamps older than the window.</summary>
        public static void Normalize(RouteUsage usage, DateTimeOffset now)
        {
            var day = PacificTime.DayOf(now);
            if (usage.Day != day)
            {
                usage.Day = day;
                usage.DayRequests = 0;
                usage.DayTokens = 0;
            }
            if (usage.ExhaustedUntil <= now)
            {
                usage.ExhaustedUntil = null;
                usage.NoFreeTier = false;
            }
            if (usage.CoolingUntil <= now) usage.CoolingUntil = null;
            var oldest = (now - Window).ToUnixTimeMilliseconds();
            usage.Minute.RemoveAll(stamp => stamp.At <= oldest);
        }

        /// <summary>Null when the request fits; otherwise the blockage.</summary>
        public static Blockage? Check(RouteUsage usage, QuotaLimits limits, long tokens, DateTimeOffset now)
        {
            if (usage.ExhaustedUntil is { } exhausted)
            {
                return new Blockage(exhausted, usage.NoFreeTier ? "no free tier" : "daily quota used up", untilQuotaDay: true);
            }
            if (limits.RequestsPerDay is { } rpd && usage.DayRequests >= rpd)
            {
                return new Blockage(PacificTime.NextMidnight(now), $"{usage.DayRequests}/{rpd} requests today", untilQuotaDay: true);
            }
            if (limits.InputTokensPerDay is { } tpd && usage.DayTokens + tokens > tpd)
            {
                return new Blockage(PacificTime.NextMidnight(now), $"{usage.DayTokens:N0}/{tpd:N0} input tokens today", untilQuotaDay: true);
            }
            if (usage.CoolingUntil is { } cooling) return new Blockage(cooling, "cooling down: " + (usage.LastError ?? "per-minute quota"), untilQuotaDay: false);
            if (limits.RequestsPerMinute is { } rpm && usage.Minute.Count >= rpm)
            {
                var frees = usage.Minute[usage.Minute.Count - Math.Max(rpm, 1)].At;
                return new Blockage(DateTimeOffset.FromUnixTimeMilliseconds(frees) + Window, $"{usage.Minute.Count}/{rpm} requests this minute", untilQuotaDay: false);
            }
            if (limits.InputTokensPerMinute is { } tpm)
            {
                var used = usage.Minute.Sum(stamp => stamp.Tokens);
                if (used > 0 && used + tokens > tpm)
                {
                    var need = used + Math.Min(tokens, tpm) - tpm;
                    var frees = usage.Minute[usage.Minute.Count - 1].At;
                    foreach (var stamp in usage.Minute)
                    {
                        need -= stamp.Tokens;
                        if (need > 0) continue;
                        frees = stamp.At;
                        break;
                    }
                    return new Blockage(DateTimeOffset.FromUnixTimeMilliseconds(frees) + Window, $"{used:N0}/{tpm:N0} input tokens this minute", untilQuotaDay: false);
                }
            }
            return null;
        }
    }
}
