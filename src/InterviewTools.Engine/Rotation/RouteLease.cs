using System;
using System.Threading;

namespace InterviewTools.Engine.Rotation
{
    internal enum LeaseState
    {
        /// <summary>A route is reserved: send the request, then settle or fail the lease.</summary>
        Granted,

        /// <summary>No route has quota within MaxWait: the post waits until <see cref="RouteLease.Deferral"/>.</summary>
        Deferred,

        /// <summary>No route now and none later today: every model is retired or excluded, or every key refused.</summary>
        Exhausted,
    }

    /// <summary>
    /// One acquisition of a route, shaped like System.Threading.RateLimiting's lease: <c>using var lease = await planner.AcquireAsync(…)</c>.
    /// A granted lease is settled with the tokens the server counted or failed with a verdict; disposing it ends it, and a lease
    /// disposed unsettled gives its request back uncounted.
    /// </summary>
    internal sealed class RouteLease : IDisposable
    {
        private readonly Action<RouteLease, long?, RotationVerdict?>? _end;
        private int _ended;

        private RouteLease(LeaseState state, Reservation? reservation, Blockage? deferral, Action<RouteLease, long?, RotationVerdict?>? end)
        {
            State = state;
            Reservation = reservation;
            Deferral = deferral;
            _end = end;
        }

        public LeaseState State { get; }

        public bool IsGranted => State == LeaseState.Granted;

        /// <summary>The reserved route of a granted lease.</summary>
        public Route Route => Reservation?.Route ?? throw new InvalidOperationException($"A {State} lease has no route.");

        /// <summary>When and why quota returns, for a deferred lease.</summary>
        public Blockage? Deferral { get; }

        internal Reservation? Reservation { get; }

        internal static RouteLease Granted(Reservation reservation, Action<RouteLease, long?, RotationVerdict?> end) => new RouteLease(LeaseState.Granted, reservation, null, end);
        internal static RouteLease Deferred(Blockage until) => new RouteLease(LeaseState.Deferred, null, until, null);
        internal static RouteLease Exhausted() => new RouteLease(LeaseState.Exhausted, null, null, null);

        /// <summary>No route can ever take the request: <see cref="Deferral"/> says why (its Never is set).</summary>
        internal static RouteLease Oversized(Blockage why) => new RouteLease(LeaseState.Exhausted, null, why, null);

        /// <summary>The server answered: count the tokens it counted (0 keeps the estimate).</summary>
        public void Settle(long countedTokens) => End(countedTokens, null);

        /// <summary>The request failed and was not counted; the verdict tells the ledger what it means for the route.</summary>
        public void Fail(RotationVerdict verdict) => End(null, verdict ?? throw new ArgumentNullException(nameof(verdict)));

        public void Dispose() => End(null, null);

        private void End(long? countedTokens, RotationVerdict? verdict)
        {
            if (Interlocked.Exchange(ref _ended, 1) == 1)
            {
                if (countedTokens != null || verdict != null) throw new InvalidOperationException("The lease is already settled or failed.");
                return;
            }
            _end?.Invoke(this, countedTokens, verdict);
        }
    }
}
