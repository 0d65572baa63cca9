using System.Collections.Generic;

namespace InterviewTools.Engine.Rotation
{
    /// <summary>
    /// Where the quota ledger lives: the local file today (<see cref="FileLedgerStore"/>), a shared server later. Each operation
    /// is atomic at this interface, so two processes never both take the last slot: a store on a server runs each one as one
    /// script there, reads its clock from the server, and gives each reservation an id and an expiry, so a worker that dies
    /// between reserve and settle leaks nothing for long. Only <see cref="RoutePlanner"/> talks to a store.
    /// </summary>
    internal interface ILedgerStore
    {
        /// <summary>Where the ledger is, for messages: a file path, or a server address without its password.</summary>
        string Location { get; }

        /// <summary>The limits the store paces each route by.</summary>
        RouteLimits Limits { get; }

        /// <summary>The state as it is now, with windows that have passed already emptied; for reading only.</summary>
        LedgerState Snapshot();

        /// <summary>
        /// Counts one request of <paramref name="tokens"/> estimated tokens on the first candidate that can take it, or says in
        /// <paramref name="earliest"/> when the earliest one can (null: none of them ever can today).
        /// </summary>
        Reservation? TryReserve(IReadOnlyList<Route> candidates, long tokens, out Blockage? earliest);

        /// <summary>
        /// Why a request of <paramref name="tokens"/> can go to none of <paramref name="routes"/> (<see cref="ReservePass.TooLongForEveryRoute"/>
        /// on what the store knows now), or null; for -WhatIf and planning.
        /// </summary>
        string? TooLongForEveryRoute(IReadOnlyList<Route> routes, long tokens);

        /// <summary>The server answered: the reservation's estimate becomes the tokens it counted.</summary>
        void Settle(Reservation reservation, long countedTokens);

        /// <summary>The server did not count the request, so neither does the ledger; a verdict (if any) updates the route.</summary>
        void Release(Reservation reservation, RotationVerdict? verdict);

        void DisableKey(PooledKey key, string reason);

        void SaveListing(ModelListing listing);

        /// <summary>Removes what <paramref name="reset"/> selects and returns how many entries it cleared.</summary>
        int Reset(LedgerReset reset);
    }
}
