using System;
using System.Collections.Generic;
using System.Linq;

namespace InterviewTools.FakeGemini;

/// <summary>RPM and input TPM over a sliding 60 s window, RPD per Pacific day; per (project, model). Refused requests are not counted.</summary>
internal sealed class QuotaTracker(FakeGeminiOptions options)
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    private readonly object sync = new();
    private readonly Dictionary<(string Project, string Model), Bucket> buckets = [];
    private long nextLeaseId;

    /// <summary>Counts the request, or returns the 429 that refuses it.</summary>
    public FakeReply? TryAcquire(string project, string model, int inputTokens, out QuotaLease? lease)
    {
        lease = null;
        var limits = options.QuotaFor(project, model);
        var tier = options.TierOf(project);
        lock (sync)
        {
            var now = options.Clock.GetUtcNow();
            var bucket = BucketFor(project, model, now);
            var violations = new List<QuotaViolation>();
            var waits = new List<TimeSpan>();

            if (limits.Rpd is { } rpd && bucket.DayRequests + 1 > rpd)
            {
                violations.Add(new QuotaViolation(QuotaKind.RequestsPerDay, model, rpd, tier));
                waits.Add(PacificDay.NextReset(now) - now);
            }

            if (limits.Rpm is { } rpm && bucket.Minute.Count + 1 > rpm)
            {
                violations.Add(new QuotaViolation(QuotaKind.RequestsPerMinute, model, rpm, tier));
                waits.Add(rpm == 0 ? UntilNextMinute(now) : bucket.Minute.At(bucket.Minute.Count - rpm).At + Window - now);
            }

            if (limits.InputTpm is { } tpm && bucket.MinuteTokens + inputTokens > tpm)
            {
                violations.Add(new QuotaViolation(QuotaKind.InputTokensPerMinute, model, tpm, tier));
                waits.Add(TokensFreeIn(bucket, inputTokens, tpm, now));
            }

            if (violations.Count > 0)
            {
                return FakeReply.Quota(violations, waits.Max());
            }

            var entry = new MinuteEntry(++nextLeaseId, now, inputTokens);
            bucket.Minute.Add(entry);
            bucket.DayRequests++;
            bucket.DayTokens += inputTokens;
            lease = new QuotaLease(project, model, entry.Id, bucket.Day, inputTokens);
            return null;
        }
    }

    /// <summary>Un-counts a request whose reply turned out to be an error.</summary>
    public void Release(QuotaLease lease)
    {
        lock (sync)
        {
            if (!buckets.TryGetValue((lease.Project, lease.Model), out var bucket))
            {
                return;
            }

            bucket.Minute.Remove(lease.Id);
            if (bucket.Day == lease.Day)
            {
                bucket.DayRequests--;
                bucket.DayTokens -= lease.InputTokens;
            }
        }
    }

    public QuotaUsage Usage(string project, string model)
    {
        var now = options.Clock.GetUtcNow();
        lock (sync)
        {
            var bucket = BucketFor(project, model, now);
            return new QuotaUsage(bucket.Minute.Count, bucket.MinuteTokens, bucket.DayRequests, bucket.DayTokens, bucket.Day, PacificDay.NextReset(now));
        }
    }

    public IReadOnlyDictionary<(string Project, string Model), QuotaUsage> UsageByProjectAndModel()
    {
        List<(string Project, string Model)> keys;
        lock (sync)
        {
            keys = buckets.Keys.ToList();
        }

        return keys.ToDictionary(key => key, key => Usage(key.Project, key.Model));
    }

    private Bucket BucketFor(string project, string model, DateTimeOffset now)
    {
        if (!buckets.TryGetValue((project, model), out var bucket))
        {
            bucket = new Bucket();
            buckets[(project, model)] = bucket;
        }

        bucket.Minute.ExpireBefore(now - Window);
        var today = PacificDay.DateOf(now);
        if (bucket.Day != today)
        {
            bucket.Day = today;
            bucket.DayRequests = 0;
            bucket.DayTokens = 0;
        }

        return bucket;
    }

    private static TimeSpan TokensFreeIn(Bucket bucket, int inputTokens, long limit, DateTimeOffset now)
    {
        if (inputTokens > limit)
        {
            return UntilNextMinute(now);
        }

        long used = bucket.MinuteTokens;
        foreach (var entry in bucket.Minute.Entries())
        {
            used -= entry.Tokens;
            if (used + inputTokens <= limit)
            {
                return entry.At + Window - now;
            }
        }

        return UntilNextMinute(now);
    }

    private static TimeSpan UntilNextMinute(DateTimeOffset now) =>
        TimeSpan.FromMinutes(1) - TimeSpan.FromTicks(now.UtcTicks % TimeSpan.TicksPerMinute);

    private sealed class Bucket
    {
        public MinuteWindow Minute { get; } = new();

        public long MinuteTokens => Minute.Tokens;

        public DateOnly Day { get; set; }

        public int DayRequests { get; set; }

        public long DayTokens { get; set; }
    }

    private sealed record MinuteEntry(long Id, DateTimeOffset At, int Tokens);

    /// <summary>
    /// The last minute's requests in arrival order with a running token sum. Expired entries leave from the front
    /// by moving a start index, so a busy bench costs O(1) per request instead of rescanning the whole minute.
    /// </summary>
    private sealed class MinuteWindow
    {
        private readonly List<MinuteEntry> entries = [];
        private int start;

        public int Count => entries.Count - start;

        public long Tokens { get; private set; }

        public MinuteEntry At(int index) => entries[start + index];

        public IEnumerable<MinuteEntry> Entries()
        {
            for (var i = start; i < entries.Count; i++)
            {
                yield return entries[i];
            }
        }

        public void Add(MinuteEntry entry)
        {
            entries.Add(entry);
            Tokens += entry.Tokens;
        }

        public void Remove(long id)
        {
            var index = entries.FindIndex(start, e => e.Id == id);
            if (index < 0)
            {
                return;
            }

            Tokens -= entries[index].Tokens;
            entries.RemoveAt(index);
        }

        public void ExpireBefore(DateTimeOffset cutoff)
        {
            while (start < entries.Count && entries[start].At <= cutoff)
            {
                Tokens -= entries[start].Tokens;
                start++;
            }

            if (start > 1024 && start * 2 > entries.Count)
            {
                entries.RemoveRange(0, start);
                start = 0;
            }
        }
    }
}

internal sealed record QuotaLease(string Project, string Model, long Id, DateOnly Day, int InputTokens);
