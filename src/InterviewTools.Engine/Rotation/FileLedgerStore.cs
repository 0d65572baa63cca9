using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using InterviewTools.Engine.Common;
using InterviewTools.Engine.Resources;
using InterviewTools.Engine.State;

namespace InterviewTools.Engine.Rotation
{
    /// <summary>
    /// The quota ledger in a local file, shared by every run and process of this user for one endpoint. Every request is counted
    /// before it is sent, inside the same locked update that checked it fits, so two processes never both take the last slot.
    /// </summary>
    internal sealed class FileLedgerStore : ILedgerStore
    {
        private static readonly JsonSerializerOptions Json = new JsonSerializerOptions
        {
            WriteIndented = true,
            DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
        };

        /// <summary>How long a probe (of a route's limits or of a project's tier) holds its claim; longer than any request, shorter than a stalled run.</summary>
        private static readonly TimeSpan ProbeLife = TimeSpan.FromMinutes(2);

        private readonly StateFile<LedgerState> _file;
        private readonly RouteLimits _limits;
        private readonly TimeProvider _time;

        public FileLedgerStore(string path, RouteLimits limits, TimeProvider time, IEngineLog log)
        {
            _file = new StateFile<LedgerState>(path, Json, log);
            _limits = limits;
            _time = time;
        }

        public string Path => _file.Path;

        public string Location => _file.Path;

        public RouteLimits Limits => _limits;

        /// <summary>The ledger file for an endpoint: one per service, so a fake or a proxy never spends the real service's counts.</summary>
        public static string PathFor(string stateDirectory, Uri endpoint)
        {
            var name = endpoint.Host == "generativelanguage.googleapis.com"
                ? "ledger.json"
                : "ledger-" + Sha256.Hex(endpoint.GetLeftPart(UriPartial.Authority), bytes: 6) + ".json";
            return System.IO.Path.Combine(stateDirectory, name);
        }

        public LedgerState Snapshot()
        {
            var state = _file.Read();
            var now = _time.GetUtcNow();
            foreach (var usage in state.Routes.Values) RouteCapacity.Normalize(usage, now);
            return state;
        }

        /// <summary>
        /// A route whose limits neither the server nor the configuration stated takes one request at a time, in every process: the
        /// request holds the route's probe claim in the ledger (<see cref="RouteUsage.ProbeUntil"/>) until its answer, so that finding
        /// a limit costs one 429, not one per request in flight, on first use as after Reset-QuotaStatus.
        /// </summary>
        public Reservation? TryReserve(IReadOnlyList<Route> candidates, long tokens, out Blockage? earliest)
        {
            Blockage? soonest = null;
            string? oversized = null;
            var reservation = _file.Update(state =>
            {
                var now = _time.GetUtcNow();
                foreach (var route in candidates)
                {
                    if (state.RetiredModels.ContainsKey(route.Model)) continue;
                    if (state.Keys.TryGetValue(route.Key.Key.Fingerprint, out var key) && key.Disabled != null) continue;
                    var usage = state.Route(route.Project, route.Model);
                    RouteCapacity.Normalize(usage, now);
                    if (TooManyTokens(route, usage, state.TierOf(route.Project), tokens) is { } tooMany)
                    {
                        // The server (or the configuration) said this route never takes so many tokens a minute: sending would only cost a 429.
                        oversized ??= tooMany;
                        continue;
                    }
                    var tier = state.TierOf(route.Project);
                    var firmLimits = _limits.Firm(route.Model, usage);
                    var limits = _limits.For(route.Model, usage, state.LearnedForModel(route.Model), tier);
                    var blockage = RouteCapacity.Check(usage, limits, tokens, now);
                    var firm = blockage == null ? null : RouteCapacity.Check(usage, firmLimits, tokens, now);
                    if (blockage != null) blockage = blockage.Because(SourceOf(blockage, firm, usage, tier));
                    var unconfirmed = IsUnconfirmed(usage, firmLimits, tier);
                    var probeOut = unconfirmed && usage.ProbeUntil > now;
                    string? pastAssumedLimit = null;
                    if (blockage != null && tier == ProjectTier.Unknown && firm == null)
                    {
                        // Only an assumption stands in the way: one request at a time goes past it to learn the project's tier.
                        if (probeOut || (state.Projects.TryGetValue(route.Project, out var known) && known.ProbeUntil > now))
                        {
                            blockage = new Blockage(now + RoutePlanner.ProbePoll, Message.Format(EngineMessages.FindingOutTier, blockage.Reason), probing: true);
                        }
                        else
                        {
                            pastAssumedLimit = blockage.Reason;
                            blockage = null;
                        }
                    }
                    if (blockage == null && probeOut)
                    {
                        blockage = new Blockage(now + RoutePlanner.ProbePoll, EngineMessages.FindingOutLimits, probing: true);
                    }
                    if (blockage == null)
                    {
                        var bucket = RouteCapacity.BucketAt(usage, now);
                        bucket.Requests++;
                        bucket.Tokens += tokens;
                        usage.DayRequests++;
                        usage.DayTokens += tokens;
                        usage.LastKey = route.Key.Key.Fingerprint;
                        Key(state, route.Key).LastUsed = now;
                        if (pastAssumedLimit != null) Project(state, route.Project).ProbeUntil = now + ProbeLife;
                        if (unconfirmed) usage.ProbeUntil = now + ProbeLife;
                        return new Reservation(route, bucket.Second, tokens) { PastAssumedLimit = pastAssumedLimit, Probe = unconfirmed };
                    }
                    if (soonest == null || blockage.Until < soonest.Until) soonest = blockage.On(route);
                }
                return null;
            });
            earliest = soonest ?? (reservation == null && oversized != null ? Blockage.Oversized(OverEveryRoute(oversized, candidates.Count)) : null);
            return reservation;
        }

        /// <summary>
        /// Why a request of <paramref name="tokens"/> can go to none of <paramref name="routes"/> (each one's server-stated or configured
        /// input-tokens-per-minute limit is lower), from the ledger as it is; null when some route can take it. For -WhatIf and planning.
        /// </summary>
        public string? TooLongForEveryRoute(IReadOnlyList<Route> routes, long tokens)
        {
            if (routes.Count == 0) return null;
            var state = Snapshot();
            string? first = null;
            foreach (var route in routes)
            {
                var usage = state.Routes.TryGetValue(RouteUsage.KeyOf(route.Project, route.Model), out var known) ? known : new RouteUsage { Project = route.Project, Model = route.Model };
                var tooMany = TooManyTokens(route, usage, state.TierOf(route.Project), tokens);
                if (tooMany == null) return null;
                first ??= tooMany;
            }
            return OverEveryRoute(first!, routes.Count);
        }

        private string? TooManyTokens(Route route, RouteUsage usage, ProjectTier tier, long tokens)
        {
            if (!(_limits.TokensPerMinuteCeiling(route.Model, usage, tier) is { } ceiling) || tokens <= ceiling.Limit) return null;
            return Message.Format(EngineMessages.OversizedForRoute, tokens, route.Model, ceiling.Limit, ceiling.Source);
        }

        private static string OverEveryRoute(string first, int routes) =>
            Message.Format(routes > 1 ? EngineMessages.OversizedForEveryRoute : EngineMessages.OversizedForChain, first);

        /// <summary>Whether the server, the configuration or an assumption set the limit in the way, for every message that reports it.</summary>
        private string SourceOf(Blockage blockage, Blockage? firm, RouteUsage usage, ProjectTier tier)
        {
            if (firm == null)
            {
                return tier == ProjectTier.Unknown ? EngineMessages.LimitAssumedTierUnknown : EngineMessages.LimitAssumed;
            }
            var serverSaid = usage.ExhaustedUntil != null || usage.CoolingUntil != null || RouteCapacity.Check(usage, usage.Learned, 0, _time.GetUtcNow()) != null;
            if (!serverSaid) return EngineMessages.LimitConfigured;
            return usage.LearnedQuotaId == null ? EngineMessages.LimitFromServer : Message.Format(EngineMessages.LimitFromServerQuota, usage.LearnedQuotaId);
        }

        /// <summary>
        /// Whether the route's limits are only assumed or unknown: no 429 stated them and config.yaml does not set them. The server
        /// may then be nearer its limit than the ledger knows (first use, another tool, a reset), so the route is probed one request
        /// at a time. A paid project, or a route that outran every free tier, is exempt: its limits are far above what one run sends.
        /// </summary>
        private static bool IsUnconfirmed(RouteUsage usage, QuotaLimits firm, ProjectTier tier) =>
            tier != ProjectTier.Paid && !usage.BeyondFreeTier && (firm.RequestsPerMinute == null || firm.RequestsPerDay == null);

        /// <summary>The server answered: replace the estimate with the tokens it counted, and note a route that outran every free tier.</summary>
        public void Settle(Reservation reservation, long countedTokens)
        {
            _file.Update(state =>
            {
                var usage = state.Route(reservation.Route.Project, reservation.Route.Model);
                if (reservation.Probe) usage.ProbeUntil = null;
                var bucket = usage.Minute.Find(b => b.Second == reservation.Second);
                var counted = countedTokens > 0 ? countedTokens : reservation.Tokens;
                if (bucket != null) bucket.Tokens += counted - reservation.Tokens;
                usage.DayTokens += counted - reservation.Tokens;
                var now = _time.GetUtcNow();
                var lastMinute = usage.Minute.Sum(b => b.Requests);
                if (lastMinute > FreeTierDefaults.HighestRequestsPerMinute)
                {
                    usage.BeyondFreeTier = true;
                    state.LearnTier(reservation.Route.Project, ProjectTier.Paid, $"{lastMinute} requests to {reservation.Route.Model} in a minute succeeded", now);
                }
                if (reservation.PastAssumedLimit != null)
                {
                    Project(state, reservation.Route.Project).ProbeUntil = null;
                    state.LearnTier(reservation.Route.Project, ProjectTier.Paid,
                        $"a request to {reservation.Route.Model} past the assumed free-tier limit ({reservation.PastAssumedLimit}) succeeded", now);
                }
                return true;
            });
        }

        /// <summary>The request failed and the server did not count it, so neither does the ledger; the verdict updates the route.</summary>
        public void Release(Reservation reservation, RotationVerdict? verdict)
        {
            _file.Update(state =>
            {
                var now = _time.GetUtcNow();
                var route = reservation.Route;
                var usage = state.Route(route.Project, route.Model);
                if (reservation.Probe) usage.ProbeUntil = null;
                var bucket = usage.Minute.Find(b => b.Second == reservation.Second);
                if (bucket != null)
                {
                    bucket.Requests--;
                    bucket.Tokens -= reservation.Tokens;
                    if (bucket.Requests <= 0) usage.Minute.Remove(bucket);
                }
                if (usage.Day == PacificTime.DayOf(DateTimeOffset.FromUnixTimeSeconds(reservation.Second)))
                {
                    usage.DayRequests = Math.Max(0, usage.DayRequests - 1);
                    usage.DayTokens = Math.Max(0, usage.DayTokens - reservation.Tokens);
                }
                if (reservation.PastAssumedLimit != null) Project(state, route.Project).ProbeUntil = null;
                if (verdict != null) Apply(state, usage, route, verdict, now);
                return true;
            });
        }

        public void DisableKey(PooledKey key, string reason) => _file.Update(state =>
        {
            Key(state, key).Disabled = new LedgerNote { Reason = reason, At = _time.GetUtcNow() };
            return true;
        });

        public void SaveListing(ModelListing listing) => _file.Update(state =>
        {
            state.Listing = listing;
            return true;
        });

        /// <summary>Removes what <paramref name="reset"/> selects and returns how many entries it cleared.</summary>
        public int Reset(LedgerReset reset) => _file.Update(state => reset.ApplyTo(state));

        private static void Apply(LedgerState state, RouteUsage usage, Route route, RotationVerdict verdict, DateTimeOffset now)
        {
            usage.LastError = verdict.Reason;
            usage.LastErrorAt = now;
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
                case RotationAction.RetireModel:
                    state.RetiredModels[route.Model] = new LedgerNote { Reason = verdict.Reason, At = now };
                    break;
                case RotationAction.DisableKey:
                    Key(state, route.Key).Disabled = new LedgerNote { Reason = verdict.Reason, At = now };
                    break;
            }
        }

        private static bool IsEmpty(QuotaLimits limits) =>
            limits.RequestsPerMinute == null && limits.InputTokensPerMinute == null && limits.RequestsPerDay == null && limits.InputTokensPerDay == null;

        private static ProjectRecord Project(LedgerState state, string project)
        {
            if (!state.Projects.TryGetValue(project, out var record))
            {
                record = new ProjectRecord();
                state.Projects[project] = record;
            }
            return record;
        }

        private static KeyRecord Key(LedgerState state, PooledKey key)
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
