using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace InterviewTools.Engine.Rotation
{
    /// <summary>
    /// Picks the route for each request: the first model of the chain that has capacity, rotating across projects within it;
    /// waits for the earliest recovery when it is within MaxWait, and otherwise says the post must be deferred.
    /// </summary>
    public sealed class RoutePlanner
    {
        private static readonly TimeSpan WakeMargin = TimeSpan.FromMilliseconds(50);
        private readonly IReadOnlyList<PooledKey> _keys;
        private readonly Ledger _ledger;
        private readonly TimeProvider _time;
        private readonly TimeSpan _maxWait;
        private readonly Dictionary<string, int> _nextProject = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        private readonly InFlightRoutes _inFlight = new InFlightRoutes();
        private IReadOnlyList<string> _chain;

        public RoutePlanner(IReadOnlyList<PooledKey> keys, IReadOnlyList<string> chain, Ledger ledger, TimeProvider time, TimeSpan maxWait)
        {
            _keys = keys;
            _chain = chain;
            _ledger = ledger;
            _time = time;
            _maxWait = maxWait;
        }

        public IReadOnlyList<PooledKey> Keys => _keys;
        public IReadOnlyList<string> Chain => _chain;
        public Ledger Ledger => _ledger;
        public TimeSpan MaxWait => _maxWait;
        public int ProjectCount => _keys.Select(k => k.Project).Distinct(StringComparer.Ordinal).Count();

        /// <summary>Narrows the chain to the models the API offers, once per run.</summary>
        public void UseChain(IReadOnlyList<string> validated) => _chain = validated;

        public async Task<Acquisition> AcquireAsync(long tokens, ICollection<string> excludedModels, Action<Blockage> onWait, CancellationToken cancellationToken)
        {
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var candidates = Candidates(excludedModels);
                if (candidates.Count == 0) return Acquisition.NoRoute();
                var reservation = _ledger.TryReserve(candidates, tokens, out var blockage, _inFlight);
                if (reservation != null) return Acquisition.Reserved(reservation);
                if (blockage == null) return Acquisition.NoRoute();
                if (blockage.Probing)
                {
                    await _time.Delay(Ledger.ProbePoll, cancellationToken).ConfigureAwait(false);
                    continue;
                }
                var wait = blockage.Until - _time.GetUtcNow();
                if (wait > _maxWait) return Acquisition.Deferred(blockage);
                if (wait > TimeSpan.Zero)
                {
                    onWait(blockage);
                    await _time.Delay(wait + WakeMargin, cancellationToken).ConfigureAwait(false);
                }
            }
        }

        /// <summary>The request of this reservation has its answer (or failed): its route may be probed again.</summary>
        public void Done(Reservation reservation) => _inFlight.Remove(RouteUsage.KeyOf(reservation.Route.Project, reservation.Route.Model));

        /// <summary>Every usable route in order of preference: models in chain order; within a model, projects in rotation; within a project, its keys.</summary>
        public IReadOnlyList<Route> Candidates(ICollection<string> excludedModels)
        {
            var projects = _keys.GroupBy(k => k.Project, StringComparer.Ordinal).ToList();
            var routes = new List<Route>();
            foreach (var model in _chain)
            {
                if (excludedModels.Contains(model)) continue;
                int start;
                lock (_nextProject)
                {
                    _nextProject.TryGetValue(model, out start);
                    _nextProject[model] = (start + 1) % Math.Max(projects.Count, 1);
                }
                for (var i = 0; i < projects.Count; i++)
                {
                    foreach (var key in projects[(start + i) % projects.Count]) routes.Add(new Route(key, model));
                }
            }
            return routes;
        }
    }

    public sealed class Acquisition
    {
        private Acquisition(Reservation? reservation, Blockage? deferral)
        {
            Reservation = reservation;
            Deferral = deferral;
        }

        public Reservation? Reservation { get; }

        /// <summary>Set when nothing can take the request within MaxWait: the post is deferred to this time.</summary>
        public Blockage? Deferral { get; }

        /// <summary>Neither a route now nor a time one returns: every model is retired or excluded, or every key refused.</summary>
        public bool NothingUsable => Reservation == null && Deferral == null;

        internal static Acquisition Reserved(Reservation reservation) => new Acquisition(reservation, null);
        internal static Acquisition Deferred(Blockage blockage) => new Acquisition(null, blockage);
        internal static Acquisition NoRoute() => new Acquisition(null, null);
    }
}
