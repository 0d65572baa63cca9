using System;
using System.Linq;
using InterviewTools.Engine.Common;
using InterviewTools.Engine.Resources;

namespace InterviewTools.Engine.Rotation
{
    /// <summary>What stands in a route's way, in the order <see cref="RouteCapacity.Check"/> looks (a server-side script uses the same codes).</summary>
    internal enum BlockKind
    {
        ExhaustedToday = 1,
        NoFreeTier = 2,
        RequestsPerDay = 3,
        TokensPerDay = 4,
        CoolingDown = 5,
        RequestsPerMinute = 6,
        TokensPerMinute = 7,
    }

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

        /// <summary>
        /// Moves an answered request from the second it was reserved to the second of its answer (never earlier). The server counts
        /// a request when it arrives, somewhere in between, so a window counted from the reservation frees the slot before the
        /// server does whenever sending took longer than the bucket's spare second (three machines drew 429s that way); counted
        /// from the answer it never frees early. The settle script does the same on Redis.
        /// </summary>
        public static void CountFromAnswer(RouteUsage usage, Reservation reservation, long countedTokens, DateTimeOffset answered)
        {
            var reserved = usage.Minute.Find(b => b.Second == reservation.Second);
            if (reserved != null)
            {
                reserved.Requests--;
                reserved.Tokens -= reservation.Tokens;
                if (reserved.Requests <= 0) usage.Minute.Remove(reserved);
            }
            var bucket = BucketAt(usage, answered.ToUnixTimeSeconds() > reservation.Second ? answered : DateTimeOffset.FromUnixTimeSeconds(reservation.Second));
            bucket.Requests++;
            bucket.Tokens += countedTokens;
            usage.Minute.Sort((a, b) => a.Second.CompareTo(b.Second));
        }

        /// <summary>Null when the request fits; otherwise the blockage.</summary>
        public static Blockage? Check(RouteUsage usage, QuotaLimits limits, long tokens, DateTimeOffset now)
        {
            if (usage.ExhaustedUntil is { } exhausted)
            {
                return Blocked(usage.NoFreeTier ? BlockKind.NoFreeTier : BlockKind.ExhaustedToday, exhausted, 0, 0, null);
            }
            if (limits.RequestsPerDay is { } rpd && usage.DayRequests >= rpd)
            {
                return Blocked(BlockKind.RequestsPerDay, PacificTime.NextMidnight(now), usage.DayRequests, rpd, null);
            }
            if (limits.InputTokensPerDay is { } tpd && usage.DayTokens + tokens > tpd)
            {
                return Blocked(BlockKind.TokensPerDay, PacificTime.NextMidnight(now), usage.DayTokens, tpd, null);
            }
            if (usage.CoolingUntil is { } cooling) return Blocked(BlockKind.CoolingDown, cooling, 0, 0, usage.LastError);
            var requests = usage.Minute.Sum(b => b.Requests);
            if (limits.RequestsPerMinute is { } rpm && requests + 1 > rpm)
            {
                return Blocked(BlockKind.RequestsPerMinute, FreesAt(usage, b => b.Requests, requests + 1 - rpm), requests, rpm, null);
            }
            var used = usage.Minute.Sum(b => b.Tokens);
            if (limits.InputTokensPerMinute is { } tpm && used > 0 && used + tokens > tpm)
            {
                return Blocked(BlockKind.TokensPerMinute, FreesAt(usage, b => b.Tokens, used + Math.Min(tokens, tpm) - tpm), used, tpm, null);
            }
            return null;
        }

        /// <summary>
        /// The blockage of one kind, worded the same whichever store found it: the file ledger here, or a script on a shared server,
        /// which checks the same limits in the same order (<see cref="Check"/>) and reports the kind and the figures.
        /// </summary>
        public static Blockage Blocked(BlockKind kind, DateTimeOffset until, long used, long limit, string? lastError) => new Blockage(until, kind switch
        {
            BlockKind.NoFreeTier => EngineMessages.QuotaNoFreeTier,
            BlockKind.ExhaustedToday => EngineMessages.QuotaDailyUsedUp,
            BlockKind.RequestsPerDay => Message.Format(EngineMessages.QuotaRequestsToday, used, limit),
            BlockKind.TokensPerDay => Message.Format(EngineMessages.QuotaTokensToday, used, limit),
            BlockKind.CoolingDown => Message.Format(EngineMessages.QuotaCoolingDown, lastError ?? EngineMessages.QuotaPerMinute),
            BlockKind.RequestsPerMinute => Message.Format(EngineMessages.QuotaRequestsThisMinute, used, limit),
            _ => Message.Format(EngineMessages.QuotaTokensThisMinute, used, limit),
        });

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
