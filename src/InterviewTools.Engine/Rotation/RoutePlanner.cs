using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace InterviewTools.Engine.Rotation
{
    /// <summary>
    /// Picks the route for each request: the first model of the chain that has capacity, rotating across projects within it;
    /// waits for the earliest recovery when it is within MaxWait, and otherwise says the post must be deferred. The ledger store
    /// is its own: callers hold a <see cref="RouteLease"/>, nothing more.
    /// </summary>
    internal sealed class RoutePlanner
    {
        /// <summary>How soon a request that waits behind a probe looks again.</summary>
        public static readonly TimeSpan ProbePoll = TimeSpan.FromMilliseconds(50);

        private static readonly TimeSpan WakeMargin = TimeSpan.FromMilliseconds(50);
        private readonly IReadOnlyList<PooledKey> _keys;
        private readonly ILedgerStore _store;
        private readonly TimeProvider _time;
        private readonly TimeSpan _maxWait;
        private readonly Dictionary<string, int> _nextProject = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        private IReadOnlyList<string> _chain;

        public RoutePlanner(IReadOnlyList<PooledKey> keys, IReadOnlyList<string> chain, ILedgerStore store, TimeProvider time, TimeSpan maxWait)
        {
            _keys = keys;
            _chain = chain;
            _store = store;
            _time = time;
            _maxWait = maxWait;
        }

        public IReadOnlyList<PooledKey> Keys => _keys;
        public IReadOnlyList<string> Chain => _chain;
        public TimeSpan MaxWait => _maxWait;
        public int ProjectCount => _keys.Select(k => k.Project).Distinct(StringComparer.Ordinal).Count();

        /// <summary>Where the ledger is, for messages.</summary>
        public string LedgerLocation => _store.Location;

        public RouteLimits Limits => _store.Limits;

        /// <summary>Narrows the chain to the models the API offers, once per run.</summary>
        public void UseChain(IReadOnlyList<string> validated) => _chain = validated;

        public LedgerState Snapshot() => _store.Snapshot();

        public void DisableKey(PooledKey key, string reason) => _store.DisableKey(key, reason);

        public void SaveListing(ModelListing listing) => _store.SaveListing(listing);

        public int Reset(LedgerReset reset) => _store.Reset(reset);

        /// <summary>A lease on the first route that can take a request of <paramref name="tokens"/>, waiting up to MaxWait for one.</summary>
        public async Task<RouteLease> AcquireAsync(long tokens, ICollection<string> excludedModels, Action<Blockage> onWait, CancellationToken cancellationToken)
        {
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var candidates = Candidates(excludedModels);
                if (candidates.Count == 0) return RouteLease.Exhausted();
                var reservation = _store.TryReserve(candidates, tokens, out var blockage);
                if (reservation != null) return RouteLease.Granted(reservation, End);
                if (blockage == null) return RouteLease.Exhausted();
                if (blockage.Never) return RouteLease.Oversized(blockage);
                if (blockage.Probing)
                {
                    await _time.Delay(ProbePoll, cancellationToken).ConfigureAwait(false);
                    continue;
                }
                var wait = blockage.Until - _time.GetUtcNow();
                if (wait > _maxWait) return RouteLease.Deferred(blockage);
                if (wait > TimeSpan.Zero)
                {
                    onWait(blockage);
                    await _time.Delay(wait + WakeMargin, cancellationToken).ConfigureAwait(false);
                }
            }
        }

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

        private void End(RouteLease lease, long? countedTokens, RotationVerdict? verdict)
        {
            var reservation = lease.Reservation!;
            if (countedTokens != null) _store.Settle(reservation, countedTokens.Value);
            else _store.Release(reservation, verdict);
        }
    }
}
