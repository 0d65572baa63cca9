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
        /// One <see cref="ReservePass"/> inside the locked update, so the check, the count and the route's probe claim are one step
        /// for every process on this machine.
        /// </summary>
        public Reservation? TryReserve(IReadOnlyList<Route> candidates, long tokens, out Blockage? earliest)
        {
            Blockage? soonest = null;
            var reservation = _file.Update(state =>
            {
                var now = _time.GetUtcNow();
                return ReservePass.Run(candidates, tokens, state, _limits, new Counter(state, now), now, out soonest);
            });
            earliest = soonest;
            return reservation;
        }

        public string? TooLongForEveryRoute(IReadOnlyList<Route> routes, long tokens) => ReservePass.TooLongForEveryRoute(Snapshot(), _limits, routes, tokens);

        /// <summary>Counts in the ledger file's state, which the caller holds locked.</summary>
        private sealed class Counter : IRouteCounter
        {
            private readonly LedgerState _state;
            private readonly DateTimeOffset _now;

            public Counter(LedgerState state, DateTimeOffset now)
            {
                _state = state;
                _now = now;
            }

            public CountAttempt TryCount(RouteAsk ask)
            {
                var usage = _state.Route(ask.Route.Project, ask.Route.Model);
                var probeOut = ProbeOut(usage, ask);
                var blockage = RouteCapacity.Check(usage, ask.Limits, ask.Tokens, _now);
                if (blockage == null) return probeOut ? CountAttempt.Hold() : Take(usage, ask);
                return CountAttempt.Blocked(blockage,
                    firmBlocks: RouteCapacity.Check(usage, ask.Firm, ask.Tokens, _now) != null,
                    serverSaid: RouteCapacity.Check(usage, ask.Learned, 0, _now) != null,
                    probeOut: probeOut);
            }

            public bool TryTakeProbe(string project)
            {
                if (_state.Projects.TryGetValue(project, out var known) && known.ProbeUntil > _now) return false;
                LedgerFacts.Project(_state, project).ProbeUntil = _now + ReservePass.ProbeLife;
                return true;
            }

            public CountAttempt CountPastAssumed(RouteAsk ask)
            {
                var usage = _state.Route(ask.Route.Project, ask.Route.Model);
                return ProbeOut(usage, ask) ? CountAttempt.Hold() : Take(usage, ask);
            }

            public void DropProbe(string project) => LedgerFacts.Project(_state, project).ProbeUntil = null;

            private bool ProbeOut(RouteUsage usage, RouteAsk ask) => ask.ClaimsProbe && usage.ProbeUntil > _now;

            private CountAttempt Take(RouteUsage usage, RouteAsk ask)
            {
                var bucket = RouteCapacity.BucketAt(usage, _now);
                bucket.Requests++;
                bucket.Tokens += ask.Tokens;
                usage.DayRequests++;
                usage.DayTokens += ask.Tokens;
                usage.LastKey = ask.Route.Key.Key.Fingerprint;
                LedgerFacts.Key(_state, ask.Route.Key).LastUsed = _now;
                if (ask.ClaimsProbe) usage.ProbeUntil = _now + ReservePass.ProbeLife;
                return CountAttempt.Count(new Reservation(ask.Route, bucket.Second, ask.Tokens), ask.ClaimsProbe);
            }
        }

        /// <summary>
        /// The server answered: the request now counts from its answer with the tokens the server counted (<see cref="RouteCapacity.CountFromAnswer"/>),
        /// and a route that outran every free tier is noted.
        /// </summary>
        public void Settle(Reservation reservation, long countedTokens)
        {
            _file.Update(state =>
            {
                var usage = state.Route(reservation.Route.Project, reservation.Route.Model);
                if (reservation.Probe) usage.ProbeUntil = null;
                var counted = countedTokens > 0 ? countedTokens : reservation.Tokens;
                RouteCapacity.CountFromAnswer(usage, reservation, counted, _time.GetUtcNow());
                usage.DayTokens += counted - reservation.Tokens;
                LedgerFacts.Settled(state, reservation, usage.Minute.Sum(b => b.Requests), _time.GetUtcNow());
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
                if (reservation.PastAssumedLimit != null) LedgerFacts.Project(state, route.Project).ProbeUntil = null;
                if (verdict != null)
                {
                    LedgerFacts.ApplyTiming(usage, verdict, now);
                    LedgerFacts.Apply(state, route, verdict, now);
                }
                return true;
            });
        }

        public void DisableKey(PooledKey key, string reason) => _file.Update(state =>
        {
            LedgerFacts.Key(state, key).Disabled = new LedgerNote { Reason = reason, At = _time.GetUtcNow() };
            return true;
        });

        public void SaveListing(ModelListing listing) => _file.Update(state =>
        {
            state.Listing = listing;
            return true;
        });

        /// <summary>Removes what <paramref name="reset"/> selects and returns how many entries it cleared.</summary>
        public int Reset(LedgerReset reset) => _file.Update(state => reset.ApplyTo(state));
    }
}
