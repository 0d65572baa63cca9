using System;
using System.Linq;
using InterviewTools.Engine.Common;
using InterviewTools.Engine.Resources;

namespace InterviewTools.Engine.Rotation
{
    /// <summary>Whether one (project, model) can take a request of a given size now, and if not, from when.</summary>
    internal static class RouteCapacity
    {
        public static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

        /// <summary>A request counts until its bucket's end plus the window, so the ledger frees a slot no earlier than the server does.</summary>
        private static readonly TimeSpan BucketLife = Window + TimeSpan.FromSeconds(1);

        /// <summary>Rolls the day over and drops buckets that left the window.</summary>
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
            usage.Minute.RemoveAll(bucket => Expiry(bucket) <= now);
            usage.Minute.Sort((a, b) => a.Second.CompareTo(b.Second));
        }

        public static MinuteBucket BucketAt(RouteUsage usage, DateTimeOffset now)
        {
            var second = now.ToUnixTimeSeconds();
            var bucket = usage.Minute.Find(b => b.Second == second);
            if (bucket == null)
            {
                bucket = new MinuteBucket { Second = second };
                usage.Minute.Add(bucket);
            }
            return bucket;
        }

        /// <summary>Null when the request fits; otherwise the blockage.</summary>
        public static Blockage? Check(RouteUsage usage, QuotaLimits limits, long tokens, DateTimeOffset now)
        {
            if (usage.ExhaustedUntil is { } exhausted)
            {
                return new Blockage(exhausted, usage.NoFreeTier ? EngineMessages.QuotaNoFreeTier : EngineMessages.QuotaDailyUsedUp);
            }
            if (limits.RequestsPerDay is { } rpd && usage.DayRequests >= rpd)
            {
                return new Blockage(PacificTime.NextMidnight(now), Message.Format(EngineMessages.QuotaRequestsToday, usage.DayRequests, rpd));
            }
            if (limits.InputTokensPerDay is { } tpd && usage.DayTokens + tokens > tpd)
            {
                return new Blockage(PacificTime.NextMidnight(now), Message.Format(EngineMessages.QuotaTokensToday, usage.DayTokens, tpd));
            }
            if (usage.CoolingUntil is { } cooling) return new Blockage(cooling, Message.Format(EngineMessages.QuotaCoolingDown, usage.LastError ?? EngineMessages.QuotaPerMinute));
            var requests = usage.Minute.Sum(b => b.Requests);
            if (limits.RequestsPerMinute is { } rpm && requests + 1 > rpm)
            {
                return new Blockage(FreesAt(usage, b => b.Requests, requests + 1 - rpm), Message.Format(EngineMessages.QuotaRequestsThisMinute, requests, rpm));
            }
            var used = usage.Minute.Sum(b => b.Tokens);
            if (limits.InputTokensPerMinute is { } tpm && used > 0 && used + tokens > tpm)
            {
                return new Blockage(FreesAt(usage, b => b.Tokens, used + Math.Min(tokens, tpm) - tpm), Message.Format(EngineMessages.QuotaTokensThisMinute, used, tpm));
            }
            return null;
        }

        /// <summary>When enough of the oldest buckets have expired to free <paramref name="needed"/> units.</summary>
        private static DateTimeOffset FreesAt(RouteUsage usage, Func<MinuteBucket, long> units, long needed)
        {
            var freed = 0L;
            foreach (var bucket in usage.Minute)
            {
                freed += units(bucket);
                if (freed >= needed) return Expiry(bucket);
            }
            return Expiry(usage.Minute.Last());
        }

        private static DateTimeOffset Expiry(MinuteBucket bucket) => DateTimeOffset.FromUnixTimeSeconds(bucket.Second) + BucketLife;
    }
}
