namespace InterviewTools.Engine.Rotation
{
    /// <summary>One way to send a request: a key (and so its project) with a model.</summary>
    internal sealed class Route
    {
        public Route(PooledKey key, string model)
        {
            Key = key;
            Model = model;
        }

        public PooledKey Key { get; }
        public string Model { get; }
        public string Project => Key.Project;

        public override string ToString() => $"{Model} via {Key.Key.Fingerprint} ({Project})";
    }

    /// <summary>
    /// A request the ledger has counted before it is sent; settled or released once the answer is known. The id names it in a
    /// store that keeps reservations apart (and lets them expire); the second is the store's clock when it was counted.
    /// </summary>
    internal sealed class Reservation
    {
        internal Reservation(Route route, long second, long tokens, string? id = null)
        {
            Route = route;
            Second = second;
            Tokens = tokens;
            Id = id ?? route.Project + "|" + route.Model + "|" + second;
        }

        public Route Route { get; }
        internal string Id { get; }
        internal long Second { get; }
        internal long Tokens { get; }

        /// <summary>
        /// The request goes past an assumed limit that no answer confirmed (the limit's description), to learn the project's tier:
        /// success means it is paid, a -FreeTier 429 that it is free.
        /// </summary>
        internal string? PastAssumedLimit { get; set; }

        /// <summary>The project's tier when the request was counted, so pricing its answer needs no second read of the ledger.</summary>
        internal ProjectTier Tier { get; set; }

        /// <summary>
        /// The tier its answer is billed at: a success past an assumed limit is what shows a project to be paid (the ledger learns
        /// the same from it); otherwise the tier known when it was counted.
        /// </summary>
        internal ProjectTier BilledTier => PastAssumedLimit != null ? ProjectTier.Paid : Tier;

        /// <summary>The request holds its route's probe claim (the route's limits are unconfirmed), which its answer gives back.</summary>
        internal bool Probe { get; set; }
    }

    /// <summary>When the earliest of the blocked routes can take a request again, and why it cannot now.</summary>
    internal sealed class Blockage
    {
        public Blockage(System.DateTimeOffset until, string reason, bool probing = false, Route? route = null)
        {
            Until = until;
            Reason = reason;
            Probing = probing;
            Route = route;
        }

        /// <summary>No route can ever take the request: it exceeds every route's known input-tokens-per-minute limit.</summary>
        internal static Blockage Oversized(string reason) => new Blockage(System.DateTimeOffset.MaxValue, reason) { Never = true };

        public bool Never { get; private set; }

        /// <summary>The blocked route whose quota returns first, once the ledger has picked it among the candidates.</summary>
        public Route? Route { get; }

        /// <summary>What a wait is for, as the progress record shows it: the route and why it cannot take a request now.</summary>
        public string WaitingFor => Route == null ? Reason : $"{Route}: {Reason}";

        internal Blockage On(Route route) => new Blockage(Until, Reason, Probing, route) { Never = Never };

        /// <summary>The same blockage, its reason followed by where the limit comes from.</summary>
        internal Blockage Because(string source) => new Blockage(Until, $"{Reason} ({source})", Probing, Route);

        /// <summary>The route's limits are unknown and a request of this process is already finding them out: wait for its answer.</summary>
        public bool Probing { get; }

        public System.DateTimeOffset Until { get; }
        public string Reason { get; }
    }
}
