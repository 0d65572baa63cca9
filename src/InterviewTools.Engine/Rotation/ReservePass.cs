using System;
using System.Collections.Generic;
using InterviewTools.Engine.Common;
using InterviewTools.Engine.Resources;

namespace InterviewTools.Engine.Rotation
{
    /// <summary>
    /// Where a store counts requests: the file ledger in its locked state, a shared server in one script per operation. The
    /// decisions around counting (which routes to skip, which limits apply, where a limit comes from, a post too long for a route, the probes) are
    /// <see cref="ReservePass"/>'s, so every store keeps the same semantics.
    /// </summary>
    internal interface IRouteCounter
    {
        /// <summary>
        /// Counts one request if it fits the ask's limits and, when the ask claims the route's probe, no other request (of any
        /// process) holds that claim; counting then takes the claim for <see cref="ReservePass.ProbeLife"/>. Otherwise says what
        /// blocks it.
        /// </summary>
        CountAttempt TryCount(RouteAsk ask);

        /// <summary>Takes the project's one request past an assumed limit, or false when another request (of any process) holds it.</summary>
        bool TryTakeProbe(string project);

        /// <summary>Counts the tier probe's request, checking only the limits nobody assumed and the route's probe claim.</summary>
        CountAttempt CountPastAssumed(RouteAsk ask);

        void DropProbe(string project);
    }

    /// <summary>One route, the size of the request, and the limits to check it against.</summary>
    internal sealed class RouteAsk
    {
        public RouteAsk(Route route, long tokens, QuotaLimits limits, QuotaLimits firm, QuotaLimits learned, bool claimsProbe)
        {
            Route = route;
            Tokens = tokens;
            Limits = limits;
            Firm = firm;
            Learned = learned;
            ClaimsProbe = claimsProbe;
        }

        public Route Route { get; }
        public long Tokens { get; }

        /// <summary>The limits to pace by (<see cref="RouteLimits.For"/>).</summary>
        public QuotaLimits Limits { get; }

        /// <summary>The limits nobody assumed (<see cref="RouteLimits.Firm"/>).</summary>
        public QuotaLimits Firm { get; }

        /// <summary>What the server itself said about the route.</summary>
        public QuotaLimits Learned { get; }

        /// <summary>
        /// The route's limits are unconfirmed: the request goes only while no other request holds the route's probe claim
        /// (<see cref="RouteUsage.ProbeUntil"/>), and takes it until its answer (<see cref="Reservation.Probe"/>).
        /// </summary>
        public bool ClaimsProbe { get; }
    }

    /// <summary>What counting one request on one route came to.</summary>
    internal sealed class CountAttempt
    {
        private CountAttempt(Reservation? granted, Blockage? blockage, bool firmBlocks, bool serverSaid, bool probeOut)
        {
            Granted = granted;
            Blockage = blockage;
            FirmBlocks = firmBlocks;
            ServerSaid = serverSaid;
            ProbeOut = probeOut;
        }

        public Reservation? Granted { get; }

        /// <summary>What blocks the request under the limits it paces by.</summary>
        public Blockage? Blockage { get; }

        /// <summary>Whether the limits nobody assumed block it too.</summary>
        public bool FirmBlocks { get; }

        /// <summary>Whether the server's own statements (its limits, a 429's cool-down or day) block it.</summary>
        public bool ServerSaid { get; }

        /// <summary>Another request (of any process) holds the route's probe claim the ask wanted.</summary>
        public bool ProbeOut { get; }

        /// <summary>It would fit, but waits for another request's probe of the route.</summary>
        public bool Held => Granted == null && Blockage == null;

        public static CountAttempt Count(Reservation reservation, bool probe)
        {
            reservation.Probe = probe;
            return new CountAttempt(reservation, null, false, false, false);
        }

        public static CountAttempt Hold() => new CountAttempt(null, null, false, false, true);

        public static CountAttempt Blocked(Blockage blockage, bool firmBlocks, bool serverSaid, bool probeOut) =>
            new CountAttempt(null, blockage, firmBlocks, serverSaid, probeOut);
    }

    /// <summary>
    /// One reservation pass over the candidates, the same for every store: the first route that can take the request is counted,
    /// or the one that frees first is reported. A route whose limits neither the server nor the configuration stated takes one
    /// request at a time in every process (the route's probe claim, in the store), so that finding a limit costs one 429, not
    /// one per request in flight, on first use as after Reset-QuotaStatus.
    /// </summary>
    internal static class ReservePass
    {
        /// <summary>How long a probe (of a route's limits or of a project's tier) holds its claim; longer than any request, shorter than a stalled run.</summary>
        public static readonly TimeSpan ProbeLife = TimeSpan.FromMinutes(2);

        public static Reservation? Run(IReadOnlyList<Route> candidates, long tokens, LedgerState state, RouteLimits limits,
            IRouteCounter counter, DateTimeOffset now, out Blockage? earliest)
        {
            Blockage? soonest = null;
            string? oversized = null;
            Reservation? reservation = null;
            foreach (var route in candidates)
            {
                if (state.RetiredModels.ContainsKey(route.Model)) continue;
                if (state.Keys.TryGetValue(route.Key.Key.Fingerprint, out var key) && key.Disabled != null) continue;
                var usage = state.Route(route.Project, route.Model);
                RouteCapacity.Normalize(usage, now);
                var tier = state.TierOf(route.Project);
                if (TooManyTokens(limits, route, usage, tier, tokens) is { } tooMany)
                {
                    // The server (or the configuration) said this route never takes so many tokens a minute: sending would only cost a 429.
                    oversized ??= tooMany;
                    continue;
                }
                var firm = limits.Firm(route.Model, usage);
                var paced = limits.For(route.Model, usage, state.LearnedForModel(route.Model), tier);
                var ask = new RouteAsk(route, tokens, paced, firm, usage.Learned, IsUnconfirmed(usage, firm, tier));
                var attempt = counter.TryCount(ask);
                var blockage = BlockageOf(attempt, usage, tier, now);
                if (attempt.Blockage != null && tier == ProjectTier.Unknown && !attempt.FirmBlocks)
                {
                    // Only an assumption stands in the way: one request at a time goes past it to learn the project's tier.
                    if (attempt.ProbeOut || !counter.TryTakeProbe(route.Project))
                    {
                        blockage = new Blockage(now + RoutePlanner.ProbePoll, Message.Format(EngineMessages.FindingOutTier, blockage!.Reason), probing: true);
                    }
                    else
                    {
                        var assumed = blockage!.Reason;
                        attempt = counter.CountPastAssumed(ask);
                        if (attempt.Granted != null) attempt.Granted.PastAssumedLimit = assumed;
                        else counter.DropProbe(route.Project);
                        blockage = BlockageOf(attempt, usage, tier, now);
                    }
                }
                if (attempt.Granted != null)
                {
                    reservation = attempt.Granted;
                    reservation.Tier = tier;
                    break;
                }
                if (blockage != null && (soonest == null || blockage.Until < soonest.Until)) soonest = blockage.On(route);
            }
            earliest = soonest ?? (reservation == null && oversized != null ? Blockage.Oversized(OverEveryRoute(oversized, candidates.Count)) : null);
            return reservation;
        }

        /// <summary>
        /// Why a request of <paramref name="tokens"/> can go to none of <paramref name="routes"/> (each one's server-stated or configured
        /// input-tokens-per-minute limit is lower), from the ledger <paramref name="state"/> of any store; null when some route can take
        /// it. For -WhatIf and planning.
        /// </summary>
        public static string? TooLongForEveryRoute(LedgerState state, RouteLimits limits, IReadOnlyList<Route> routes, long tokens)
        {
            if (routes.Count == 0) return null;
            string? first = null;
            foreach (var route in routes)
            {
                var usage = state.Routes.TryGetValue(RouteUsage.KeyOf(route.Project, route.Model), out var known) ? known : new RouteUsage { Project = route.Project, Model = route.Model };
                var tooMany = TooManyTokens(limits, route, usage, state.TierOf(route.Project), tokens);
                if (tooMany == null) return null;
                first ??= tooMany;
            }
            return OverEveryRoute(first!, routes.Count);
        }

        private static string? TooManyTokens(RouteLimits limits, Route route, RouteUsage usage, ProjectTier tier, long tokens)
        {
            if (!(limits.TokensPerMinuteCeiling(route.Model, usage, tier) is { } ceiling) || tokens <= ceiling.Limit) return null;
            return Message.Format(EngineMessages.OversizedForRoute, tokens, route.Model, ceiling.Limit, ceiling.Source);
        }

        private static string OverEveryRoute(string first, int routes) =>
            Message.Format(routes > 1 ? EngineMessages.OversizedForEveryRoute : EngineMessages.OversizedForChain, first);

        /// <summary>What keeps the attempt's request back, with where the limit in the way comes from; null when it was counted.</summary>
        private static Blockage? BlockageOf(CountAttempt attempt, RouteUsage usage, ProjectTier tier, DateTimeOffset now)
        {
            if (attempt.Held) return new Blockage(now + RoutePlanner.ProbePoll, EngineMessages.FindingOutLimits, probing: true);
            return attempt.Blockage?.Because(SourceOf(attempt, usage, tier));
        }

        /// <summary>Whether the server, the configuration or an assumption set the limit in the way, for every message that reports it.</summary>
        private static string SourceOf(CountAttempt attempt, RouteUsage usage, ProjectTier tier)
        {
            if (!attempt.FirmBlocks)
            {
                return tier == ProjectTier.Unknown ? EngineMessages.LimitAssumedTierUnknown : EngineMessages.LimitAssumed;
            }
            if (!attempt.ServerSaid) return EngineMessages.LimitConfigured;
            return usage.LearnedQuotaId == null ? EngineMessages.LimitFromServer : Message.Format(EngineMessages.LimitFromServerQuota, usage.LearnedQuotaId);
        }

        /// <summary>
        /// Whether the route's limits are only assumed or unknown: no 429 stated them and config.yaml does not set them. The server
        /// may then be nearer its limit than the ledger knows (first use, another tool, a reset), so the route is probed one request
        /// at a time. A paid project, or a route that outran every free tier, is exempt: its limits are far above what one run sends.
        /// </summary>
        private static bool IsUnconfirmed(RouteUsage usage, QuotaLimits firm, ProjectTier tier) =>
            tier != ProjectTier.Paid && !usage.BeyondFreeTier && (firm.RequestsPerMinute == null || firm.RequestsPerDay == null);
    }
}
