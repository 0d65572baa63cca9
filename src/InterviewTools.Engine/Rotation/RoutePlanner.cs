using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using InterviewTools.Engine.Resources;
using Polly;
using Polly.Retry;
using Polly.Timeout;

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

        /// <summary>The first wait before the ledger store is tried again after it was lost; the waits double from there.</summary>
        private static readonly TimeSpan LedgerRetryMinimum = TimeSpan.FromMilliseconds(200);
        private readonly IReadOnlyList<PooledKey> _keys;
        private readonly ILedgerStore _store;
        private readonly TimeProvider _time;
        private readonly TimeSpan _maxWait;
        private readonly Dictionary<string, int> _nextProject = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        private IReadOnlyList<string> _chain;
        /// <summary>UTC ticks of when the ledger store was lost, 0 while it answers; shared by every post of the run.</summary>
        private long _ledgerLostAt;

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
                var (reservation, blockage, lost) = await ReserveAsync(candidates, tokens, onWait, cancellationToken).ConfigureAwait(false);
                if (lost != null) return RouteLease.Deferred(lost);
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

        /// <summary>
        /// One reservation, with the ledger store retried with backoff while it cannot be reached, for as long as MaxWait allows
        /// since it was lost; then the post is deferred with the reason. No request is ever sent without the ledger's limits.
        /// </summary>
        private async Task<(Reservation? Reservation, Blockage? Blockage, Blockage? Lost)> ReserveAsync(IReadOnlyList<Route> candidates, long tokens,
            Action<Blockage> onWait, CancellationToken cancellationToken)
        {
            LedgerUnavailableException? last = null;
            try
            {
                var result = ReserveOnce(candidates, tokens);
                Interlocked.Exchange(ref _ledgerLostAt, 0);
                return (result.Reservation, result.Blockage, null);
            }
            catch (LedgerUnavailableException e)
            {
                last = e;
            }
            var now = _time.GetUtcNow();
            Interlocked.CompareExchange(ref _ledgerLostAt, now.UtcTicks, 0);
            var lostAt = new DateTimeOffset(Interlocked.Read(ref _ledgerLostAt), TimeSpan.Zero);
            var left = _maxWait - (now - lostAt);
            if (left >= LedgerRetryMinimum)
            {
                var pipeline = new ResiliencePipelineBuilder { TimeProvider = _time }
                    .AddTimeout(new TimeoutStrategyOptions { Timeout = left })
                    .AddRetry(new RetryStrategyOptions
                    {
                        ShouldHandle = new PredicateBuilder().Handle<LedgerUnavailableException>(),
                        MaxRetryAttempts = int.MaxValue,
                        BackoffType = DelayBackoffType.Exponential,
                        UseJitter = true,
                        Delay = LedgerRetryMinimum,
                        MaxDelay = TimeSpan.FromSeconds(5),
                        OnRetry = args =>
                        {
                            last = (LedgerUnavailableException)args.Outcome.Exception!;
                            onWait(new Blockage(_time.GetUtcNow() + args.RetryDelay, Message.Format(EngineMessages.LedgerReconnecting, last.Message)));
                            return default;
                        },
                    })
                    .Build();
                try
                {
                    var result = await pipeline.ExecuteAsync(_ => new ValueTask<(Reservation?, Blockage?)>(ReserveOnce(candidates, tokens)), cancellationToken).ConfigureAwait(false);
                    Interlocked.Exchange(ref _ledgerLostAt, 0);
                    return (result.Item1, result.Item2, null);
                }
                catch (LedgerUnavailableException e)
                {
                    last = e;
                }
                catch (TimeoutRejectedException)
                {
                }
            }
            var reason = Message.Format(EngineMessages.LedgerLostDeferred, last.Message, (_time.GetUtcNow() - lostAt).TotalSeconds, _maxWait.TotalSeconds);
            return (null, null, new Blockage(_time.GetUtcNow() + LedgerRetryMinimum, reason));
        }

        private (Reservation? Reservation, Blockage? Blockage) ReserveOnce(IReadOnlyList<Route> candidates, long tokens)
        {
            var reservation = _store.TryReserve(candidates, tokens, out var blockage);
            return (reservation, blockage);
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
