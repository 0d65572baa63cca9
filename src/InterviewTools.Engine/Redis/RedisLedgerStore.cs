using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using InterviewTools.Engine.Common;
using InterviewTools.Engine.Resources;
using InterviewTools.Engine.Rotation;
using StackExchange.Redis;

namespace InterviewTools.Engine.Redis
{
    /// <summary>
    /// The quota ledger on a Redis server, shared by every process on every machine that names it. Reserve, settle and release
    /// are each one Lua script (<see cref="LedgerScripts"/>) on the server's clock; the decisions around them are the file
    /// ledger's own (<see cref="ReservePass"/>, <see cref="LedgerFacts"/>). What answers teach (learned limits, tiers, retired
    /// models, refused keys by fingerprint, the model list) is one JSON document replaced only if nobody changed it meanwhile.
    /// Keys start with the endpoint's tag; each route's keys share the hash tag {endpoint:project:model}, so a cluster keeps a
    /// route in one slot. Neither an API key nor the password is ever written.
    /// </summary>
    internal sealed class RedisLedgerStore : ILedgerStore
    {
        /// <summary>How long a reservation outlives its request at most; a worker that died holding one frees it then.</summary>
        public static readonly TimeSpan DefaultReservationLife = TimeSpan.FromMinutes(10);

        /// <summary>A route's usage lives a day past its last request, longer than any window it counts.</summary>
        private static readonly TimeSpan UsageLife = TimeSpan.FromHours(26);

        private static readonly JsonSerializerOptions Json = new JsonSerializerOptions
        {
            DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
        };

        private readonly IConnectionMultiplexer _connection;
        private readonly string _prefix;
        private readonly TimeProvider _time;
        private readonly IEngineLog _log;
        private readonly ConcurrentDictionary<string, bool> _knownRoutes = new ConcurrentDictionary<string, bool>(StringComparer.Ordinal);

        internal RedisLedgerStore(IConnectionMultiplexer connection, string location, string endpointTag, RouteLimits limits, TimeProvider time, IEngineLog log)
        {
            _connection = connection;
            Location = location;
            _prefix = "interviewtools:ledger:";
            EndpointTag = endpointTag;
            Limits = limits;
            _time = time;
            _log = log;
        }

        public string Location { get; }

        public RouteLimits Limits { get; }

        /// <summary>Which service's quota this is: a tag of the Gemini endpoint, so a fake or a proxy never spends the real one's counts.</summary>
        public string EndpointTag { get; }

        /// <summary>How long a reservation lasts unsettled.</summary>
        internal TimeSpan ReservationLife { get; set; } = DefaultReservationLife;

        /// <summary>For tests only: the server's clock, in Unix milliseconds, replacing its TIME inside every script.</summary>
        internal Func<long>? ServerClock { get; set; }

        private IDatabase Db => _connection.GetDatabase();

        /// <summary>The ledger on the server at <paramref name="address"/>, for the Gemini endpoint <paramref name="endpoint"/>.</summary>
        /// <exception cref="LedgerUnavailableException">The server cannot be reached or refuses the credentials; the message holds no password.</exception>
        public static RedisLedgerStore Open(RedisAddress address, Uri endpoint, RouteLimits limits, TimeProvider time, IEngineLog log, TimeSpan? connectTimeout = null) =>
            new RedisLedgerStore(RedisConnections.Connect(address, connectTimeout), address.ToString(), TagOf(endpoint), limits, time, log);

        public static string TagOf(Uri endpoint) => Sha256.Hex(endpoint.GetLeftPart(UriPartial.Authority), bytes: 6);

        public LedgerState Snapshot() => Guard(() =>
        {
            var (state, _) = ReadFacts();
            var routes = Db.SetMembers(RoutesKey).Select(m => (string)m!).ToList();
            var serverNow = ServerNow();
            foreach (var route in routes)
            {
                var usage = state.Route(ProjectOf(route), ModelOf(route));
                Fill(usage, Db.HashGetAll(UsageKey(ProjectOf(route), ModelOf(route))));
                RouteCapacity.Normalize(usage, serverNow);
            }
            return state;
        });

        public Reservation? TryReserve(IReadOnlyList<Route> candidates, long tokens, out Blockage? earliest)
        {
            Blockage? soonest = null;
            var reservation = Guard(() =>
            {
                var (facts, _) = ReadFacts();
                return ReservePass.Run(candidates, tokens, facts, Limits, new Counter(this), _time.GetUtcNow(), out soonest);
            });
            earliest = soonest;
            return reservation;
        }

        /// <summary>The limits a post can be too long for are facts (stated, configured, or the free tier's once known): no route's counters are read.</summary>
        public string? TooLongForEveryRoute(IReadOnlyList<Route> routes, long tokens) =>
            Guard(() => ReservePass.TooLongForEveryRoute(ReadFacts().State, Limits, routes, tokens));

        /// <summary>
        /// A lost server never costs the answer: the reservation then stays counted at its estimate until its window passes,
        /// which errs on the side of sending less, and the run goes on (the next reservation waits for the server).
        /// </summary>
        public void Settle(Reservation reservation, long countedTokens) => Tolerate(reservation, EngineMessages.LedgerSettleLost, () => SettleOnServer(reservation, countedTokens));

        public void Release(Reservation reservation, RotationVerdict? verdict) => Tolerate(reservation, EngineMessages.LedgerReleaseLost, () => ReleaseOnServer(reservation, verdict));

        private void Tolerate(Reservation reservation, string warning, Action operation)
        {
            try
            {
                operation();
            }
            catch (LedgerUnavailableException e)
            {
                _log.Warning(Message.Format(warning, reservation.Route.Model, e.Message));
            }
        }

        private void SettleOnServer(Reservation reservation, long countedTokens)
        {
            var route = reservation.Route;
            var result = (RedisResult[])Guard(() => Eval(LedgerScripts.Settle, new RedisKey[] { UsageKey(route.Project, route.Model), ReservationKey(reservation) },
                new RedisValue[] { countedTokens, ClockArgument(), reservation.Probe ? 1 : 0 }.Concat(DayTable()).ToArray()))!;
            var requestsThisMinute = (int)result[1];
            if (reservation.PastAssumedLimit != null) Guard(() => Db.KeyDelete(ProbeKey(route.Project)));
            if (requestsThisMinute > FreeTierDefaults.HighestRequestsPerMinute || reservation.PastAssumedLimit != null)
            {
                UpdateFacts(state =>
                {
                    LedgerFacts.Settled(state, reservation, requestsThisMinute, _time.GetUtcNow());
                    return true;
                });
            }
        }

        private void ReleaseOnServer(Reservation reservation, RotationVerdict? verdict)
        {
            var route = reservation.Route;
            var (action, coolDown) = TimingOf(verdict);
            Guard(() => Eval(LedgerScripts.Release, new RedisKey[] { UsageKey(route.Project, route.Model), ReservationKey(reservation) },
                new RedisValue[] { ClockArgument(), action, (long)coolDown.TotalMilliseconds, verdict == null ? string.Empty : NonEmpty(verdict.Reason), reservation.Probe ? 1 : 0 }.Concat(DayTable()).ToArray()));
            if (reservation.PastAssumedLimit != null) Guard(() => Db.KeyDelete(ProbeKey(route.Project)));
            if (verdict != null && LedgerFacts.HasFacts(verdict))
            {
                UpdateFacts(state =>
                {
                    LedgerFacts.Apply(state, route, verdict, _time.GetUtcNow());
                    return true;
                });
            }
        }

        public void DisableKey(PooledKey key, string reason) => UpdateFacts(state =>
        {
            LedgerFacts.Key(state, key).Disabled = new LedgerNote { Reason = reason, At = _time.GetUtcNow() };
            return true;
        });

        public void SaveListing(ModelListing listing) => UpdateFacts(state =>
        {
            state.Listing = listing;
            return true;
        });

        /// <summary>The same reset as the file ledger's, applied to the facts and to every route's usage the server holds.</summary>
        public int Reset(LedgerReset reset)
        {
            var gone = new List<string>();
            var cleared = UpdateFacts(state =>
            {
                gone.Clear();
                var routes = Db.SetMembers(RoutesKey).Select(m => (string)m!).ToList();
                foreach (var route in routes) state.Route(ProjectOf(route), ModelOf(route));
                var before = state.Routes.Keys.ToList();
                var count = reset.ApplyTo(state);
                gone.AddRange(before.Where(r => !state.Routes.ContainsKey(r)));
                return count;
            });
            Guard(() =>
            {
                foreach (var route in gone)
                {
                    Db.KeyDelete(UsageKey(ProjectOf(route), ModelOf(route)));
                    Db.SetRemove(RoutesKey, route);
                }
                return true;
            });
            return cleared;
        }

        /// <summary>Counts on the server, one script call per route tried.</summary>
        private sealed class Counter : IRouteCounter
        {
            private readonly RedisLedgerStore _store;

            public Counter(RedisLedgerStore store)
            {
                _store = store;
            }

            public CountAttempt TryCount(RouteAsk ask) => _store.Count(ask, past: false);

            public bool TryTakeProbe(string project) => _store.Db.StringSet(_store.ProbeKey(project), "1", ReservePass.ProbeLife, When.NotExists);

            public CountAttempt CountPastAssumed(RouteAsk ask) => _store.Count(ask, past: true);

            public void DropProbe(string project) => _store.Db.KeyDelete(_store.ProbeKey(project));
        }

        private CountAttempt Count(RouteAsk ask, bool past)
        {
            var route = ask.Route;
            var id = Guid.NewGuid().ToString("N");
            var values = new List<RedisValue>
            {
                ask.Tokens, (long)ReservationLife.TotalMilliseconds, ask.ClaimsProbe ? (long)ReservePass.ProbeLife.TotalMilliseconds : 0, ClockArgument(), route.Key.Key.Fingerprint,
            };
            foreach (var limits in new[] { ask.Limits, ask.Firm, ask.Learned })
            {
                values.Add(limits.RequestsPerMinute ?? -1);
                values.Add(limits.InputTokensPerMinute ?? -1);
                values.Add(limits.RequestsPerDay ?? -1);
                values.Add(limits.InputTokensPerDay ?? -1);
            }
            values.Add(past ? "past" : "count");
            values.Add((long)UsageLife.TotalMilliseconds);
            values.AddRange(DayTable());
            var localNow = _time.GetUtcNow();
            var result = (RedisResult[])Eval(LedgerScripts.Reserve, new RedisKey[] { UsageKey(route.Project, route.Model), ReservationKey(route, id) }, values.ToArray())!;
            var outcome = (int)result[0];
            if (outcome == 1)
            {
                if (_knownRoutes.TryAdd(RouteUsage.KeyOf(route.Project, route.Model), true)) Db.SetAdd(RoutesKey, RouteUsage.KeyOf(route.Project, route.Model));
                return CountAttempt.Count(new Reservation(route, (long)result[1], ask.Tokens, id), ask.ClaimsProbe);
            }
            if (outcome == 2) return CountAttempt.Hold();
            // The server's instants become this machine's by the distance from the server's now, so a skewed clock waits right.
            var serverNow = (long)result[8];
            var until = localNow + TimeSpan.FromMilliseconds((long)result[2] - serverNow);
            var lastError = (string?)result[7];
            var blockage = RouteCapacity.Blocked((BlockKind)(int)result[1], until, (long)result[3], (long)result[4], string.IsNullOrEmpty(lastError) ? null : lastError);
            return CountAttempt.Blocked(blockage, firmBlocks: (int)result[5] == 1, serverSaid: (int)result[6] == 1, probeOut: (int)result[9] == 1);
        }

        private static (string Action, TimeSpan CoolDown) TimingOf(RotationVerdict? verdict) => verdict?.Action switch
        {
            RotationAction.ExhaustedToday => ("exhausted", TimeSpan.Zero),
            RotationAction.NoFreeTier => ("nofree", TimeSpan.Zero),
            RotationAction.CoolDown or RotationAction.Transient => ("cool", verdict.CoolDown),
            _ => (string.Empty, TimeSpan.Zero),
        };

        private static string NonEmpty(string? reason) => string.IsNullOrEmpty(reason) ? "failed" : reason!;

        private RedisResult Eval(string script, RedisKey[] keys, RedisValue[] values) => Db.ScriptEvaluate(script, keys, values);

        private RedisValue ClockArgument() => ServerClock == null ? (RedisValue)string.Empty : ServerClock();

        /// <summary>The Pacific midnights around this machine's day; the script picks the one its server's clock falls after.</summary>
        private IEnumerable<RedisValue> DayTable()
        {
            var reference = ServerClock == null ? _time.GetUtcNow() : DateTimeOffset.FromUnixTimeMilliseconds(ServerClock());
            foreach (var (start, day) in PacificTime.Midnights(reference, before: 2, after: 3))
            {
                yield return start.ToUnixTimeSeconds();
                yield return day;
            }
        }

        private DateTimeOffset ServerNow()
        {
            if (ServerClock != null) return DateTimeOffset.FromUnixTimeMilliseconds(ServerClock());
            var time = (RedisResult[])Db.Execute("TIME")!;
            return DateTimeOffset.FromUnixTimeMilliseconds((long)time[0] * 1000 + (long)time[1] / 1000);
        }

        private (LedgerState State, string Version) ReadFacts()
        {
            var fields = Db.HashGet(FactsKey, new RedisValue[] { "v", "json" });
            var version = fields[0].IsNull ? "0" : (string)fields[0]!;
            var state = fields[1].IsNull ? new LedgerState() : JsonSerializer.Deserialize<LedgerState>((string)fields[1]!, Json) ?? new LedgerState();
            return (state, version);
        }

        /// <summary>Reads the facts, lets <paramref name="change"/> edit them and writes them back unless another process wrote first; then again.</summary>
        private T UpdateFacts<T>(Func<LedgerState, T> change) => Guard(() =>
        {
            for (var attempt = 1; ; attempt++)
            {
                var (state, version) = ReadFacts();
                var result = change(state);
                // Counters live in each route's usage hash; the facts keep what answers taught about the route.
                foreach (var usage in state.Routes.Values)
                {
                    usage.Minute.Clear();
                    usage.Day = string.Empty;
                    usage.DayRequests = 0;
                    usage.DayTokens = 0;
                }
                var replaced = (int)Db.ScriptEvaluate(LedgerScripts.ReplaceFacts, new RedisKey[] { FactsKey }, new RedisValue[] { version, JsonSerializer.Serialize(state, Json) });
                if (replaced == 1) return result;
                if (attempt == 50) throw new LedgerUnavailableException(Location, Message.Format(EngineMessages.LedgerContended, Location));
            }
        });

        private static void Fill(RouteUsage usage, HashEntry[] fields)
        {
            var values = fields.ToDictionary(f => (string)f.Name!, f => (string)f.Value!, StringComparer.Ordinal);
            string? Get(string name) => values.TryGetValue(name, out var value) ? value : null;
            DateTimeOffset? Instant(string name) => long.TryParse(Get(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var ms) && ms > 0 ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : (DateTimeOffset?)null;
            usage.Day = Get("day") ?? string.Empty;
            usage.DayRequests = int.TryParse(Get("dr"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var dr) ? dr : 0;
            usage.DayTokens = long.TryParse(Get("dt"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var dt) ? dt : 0;
            usage.ExhaustedUntil = Instant("exh");
            usage.NoFreeTier = Get("nofree") == "1";
            usage.CoolingUntil = Instant("cool");
            usage.LastError = Get("err") ?? usage.LastError;
            usage.LastErrorAt = Instant("errAt") ?? usage.LastErrorAt;
            usage.LastKey = Get("lastKey");
            usage.ProbeUntil = Instant("probe");
            usage.Minute.Clear();
            foreach (var name in values.Keys.Where(n => n.StartsWith("r:", StringComparison.Ordinal)))
            {
                var second = long.Parse(name.Substring(2), CultureInfo.InvariantCulture);
                usage.Minute.Add(new MinuteBucket
                {
                    Second = second,
                    Requests = int.Parse(values[name], CultureInfo.InvariantCulture),
                    Tokens = long.TryParse(Get("t:" + second), NumberStyles.Integer, CultureInfo.InvariantCulture, out var t) ? t : 0,
                });
            }
        }

        /// <summary>A server that cannot answer now becomes <see cref="LedgerUnavailableException"/>; anything else is a fault of ours and surfaces.</summary>
        private T Guard<T>(Func<T> operation)
        {
            try
            {
                return operation();
            }
            catch (Exception e) when (RedisConnections.IsUnavailable(e))
            {
                throw new LedgerUnavailableException(Location, Message.Format(EngineMessages.LedgerUnreachable, Location, RedisConnections.Reason(e)), e);
            }
        }

        private RedisKey FactsKey => _prefix + "{" + EndpointTag + "}:facts";
        private RedisKey RoutesKey => _prefix + "{" + EndpointTag + "}:routes";
        private RedisKey ProbeKey(string project) => _prefix + "{" + EndpointTag + ":" + Tag(project) + "}:probe";
        internal RedisKey UsageKey(string project, string model) => _prefix + RouteTag(project, model) + ":usage";
        private RedisKey ReservationKey(Reservation reservation) => ReservationKey(reservation.Route, reservation.Id);
        private RedisKey ReservationKey(Route route, string id) => _prefix + RouteTag(route.Project, route.Model) + ":res:" + id;

        /// <summary>The hash tag that keeps a route's keys in one cluster slot.</summary>
        private string RouteTag(string project, string model) => "{" + EndpointTag + ":" + Tag(project) + ":" + Tag(model) + "}";

        private static string Tag(string name) => name.Replace("{", "(").Replace("}", ")");

        private static string ProjectOf(string route) => route.Substring(0, route.LastIndexOf('|'));

        private static string ModelOf(string route) => route.Substring(route.LastIndexOf('|') + 1);
    }
}
