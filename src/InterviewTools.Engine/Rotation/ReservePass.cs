using System;
using System.Collections.Generic;
using InterviewTools.Engine.Common;

namespace InterviewTools.Engine.Rotation
{
    /// <summary>
    /// Where a store counts requests: the file ledger in its locked state, a shared server in one script per operation. The
    /// decisions around counting (which routes to skip, which limits apply, where a limit comes from, the tier probe) are
    /// <see cref="ReservePass"/>'s, so every store keeps the same semantics.
    /// </summary>
    internal interface IRouteCounter
    {
        /// <summary>Counts one request if it fits the ask's limits (unless it is held for a probe); otherwise says what blocks it.</summary>
        CountAttempt TryCount(RouteAsk ask);

        /// <summary>Takes the project's one request past an assumed limit, or false when another request (of any process) holds it.</summary>
        bool TryTakeProbe(string project);

        /// <summary>Counts the probe request, checking only the limits nobody assumed.</summary>
        CountAttempt CountPastAssumed(RouteAsk ask);

        void DropProbe(string project);
    }

    /// <summary>One route, the size of the request, and the limits to check it against.</summary>
    internal sealed class RouteAsk
    {
        public RouteAsk(Route route, long tokens, QuotaLimits limits, QuotaLimits firm, QuotaLimits learned, bool holdForProbe)
        {
            Route = route;
            Tokens = tokens;
            Limits = limits;
            Firm = firm;
            Learned = learned;
            HoldForProbe = holdForProbe;
        }

        public Route Route { get; }
        public long Tokens { get; }

        /// <summary>The limits to pace by (<see cref="RouteLimits.For"/>).</summary>
        public QuotaLimits Limits { get; }

        /// <summary>The limits nobody assumed (<see cref="RouteLimits.Firm"/>).</summary>
        public QuotaLimits Firm { get; }

        /// <summary>What the server itself said about the route.</summary>
        public QuotaLimits Learned { get; }

        /// <summary>The route would fit, but a request of this process is finding out its limits: do not count, say so.</summary>
        public bool HoldForProbe { get; }
    }

    /// <summary>What counting one request on one route came to.</summary>
    internal sealed class CountAttempt
    {
        private CountAttempt(Reservation? granted, Blockage? blockage, bool firmBlocks, bool serverSaid, bool held)
        {
            Granted = granted;
            Blockage = blockage;
            FirmBlocks = firmBlocks;
            ServerSaid = serverSaid;
            Held = held;
        }

        public Reservation? Granted { get; }

        /// <summary>What blocks the request under the limits it paces by.</summary>
        public Blockage? Blockage { get; }

        /// <summary>Whether the limits nobody assumed block it too.</summary>
        public bool FirmBlocks { get; }

        /// <summary>Whether the server's own statements (its limits, a 429's cool-down or day) block it.</summary>
        public bool ServerSaid { get; }

        /// <summary>It would fit, but waits for this process's probe of the route.</summary>
        public bool Held { get; }

        public static CountAttempt Count(Reservation reservation) => new CountAttempt(reservation, null, false, false, false);
        public static CountAttempt Hold() => new CountAttempt(null, null, false, false, true);
        public static CountAttempt Blocked(Blockage blockage, bool firmBlocks, bool serverSaid) => new CountAttempt(null, blockage, firmBlocks, serverSaid, false);
    }

    /// <summary>
    /// One reservation pass over the candidates, the same for every store: the first route that can take the request is counted,
    /// or the one that frees first is reported. A free-tier route whose limits are not known yet takes one request at a time
    /// (<see cref="RouteCandidate.ProbeInFlight"/>), so that finding a limit costs one 429, not one per request in flight.
    /// </summary>
    internal static class ReservePass
    {
        public static Reservation? Run(IReadOnlyList<RouteCandidate> candidates, long tokens, LedgerState state, RouteLimits limits,
            IRouteCounter counter, DateTimeOffset now, out Blockage? earliest)
        {
            Blockage? soonest = null;
            string? oversized = null;
            Reservation? reservation = null;
            foreach (var candidate in candidates)
            {
                var route = candidate.Route;
                if (state.RetiredModels.ContainsKey(route.Model)) continue;
                if (state.Keys.TryGetValue(route.Key.Key.Fingerprint, out var key) && key.Disabled != null) continue;
                var usage = state.Route(route.Project, route.Model);
                RouteCapacity.Normalize(usage, now);
                var firm = limits.Firm(route.Model, usage);
                if (firm.InputTokensPerMinute is { } tpm && tokens > tpm)
                {
                    // The server (or the configuration) said this route never takes so many tokens a minute: sending would only cost a 429.
                    var source = usage.Learned.InputTokensPerMinute != null ? "server" : "configured";
                    oversized ??= $"{tokens:N0} input tokens exceed the input-tokens-per-minute limit of {route.Model} ({tpm:N0}, {source})";
                    continue;
                }
                var tier = state.TierOf(route.Project);
                var paced = limits.For(route.Model, usage, state.LearnedForModel(route.Model), tier);
                var ask = new RouteAsk(route, tokens, paced, firm, usage.Learned, candidate.ProbeInFlight && IsBeingProbed(usage, paced, tier));
                var attempt = counter.TryCount(ask);
                Blockage? blockage = attempt.Held ? new Blockage(now + RoutePlanner.ProbePoll, "finding out its limits", probing: true) : null;
                if (attempt.Blockage != null)
                {
                    blockage = attempt.Blockage.Because(SourceOf(attempt, usage, tier));
                    if (tier == ProjectTier.Unknown && !attempt.FirmBlocks)
                    {
                        // Only an assumption stands in the way: one request at a time goes past it to learn the project's tier.
                        if (candidate.ProbeInFlight || !counter.TryTakeProbe(route.Project))
                        {
                            blockage = new Blockage(now + RoutePlanner.ProbePoll, "finding out the project's tier (" + blockage.Reason + ")", probing: true);
                        }
                        else
                        {
                            var past = counter.CountPastAssumed(ask);
                            if (past.Granted != null) past.Granted.PastAssumedLimit = blockage.Reason;
                            else counter.DropProbe(route.Project);
                            attempt = past;
                            if (past.Blockage != null) blockage = past.Blockage.Because(SourceOf(past, usage, tier));
                        }
                    }
                }
                if (attempt.Granted != null)
                {
                    reservation = attempt.Granted;
                    break;
                }
                if (blockage != null && (soonest == null || blockage.Until < soonest.Until)) soonest = blockage.On(route);
            }
            earliest = soonest ?? (reservation == null && oversized != null
                ? Blockage.Oversized(oversized + (candidates.Count > 1 ? " and of every other route in the chain" : string.Empty) + "; no model in the chain can take this post now")
                : null);
            return reservation;
        }

        /// <summary>Whether the server, the configuration or an assumption set the limit in the way, for every message that reports it.</summary>
        private static string SourceOf(CountAttempt attempt, RouteUsage usage, ProjectTier tier)
        {
            if (!attempt.FirmBlocks)
            {
                return tier == ProjectTier.Unknown ? "assumed free-tier limit; the project's tier is not known yet" : "assumed free-tier limit";
            }
            if (!attempt.ServerSaid) return "configured in config.yaml";
            return usage.LearnedQuotaId == null ? "server" : "server: " + usage.LearnedQuotaId;
        }

        private static bool IsBeingProbed(RouteUsage usage, QuotaLimits limits, ProjectTier tier) =>
            tier != ProjectTier.Paid && !usage.BeyondFreeTier && (limits.RequestsPerMinute == null || limits.RequestsPerDay == null);
    }
}
