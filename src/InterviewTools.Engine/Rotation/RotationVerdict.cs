using System;
using InterviewTools.Engine.Common;

namespace InterviewTools.Engine.Rotation
{
    internal enum RotationAction
    {
        /// <summary>The (project, model) daily quota is gone until the next midnight Pacific.</summary>
        ExhaustedToday,

        /// <summary>The project has no free tier for the model (limit 0).</summary>
        NoFreeTier,

        /// <summary>A per-minute quota: wait out the server's retry delay on this (project, model) only.</summary>
        CoolDown,

        /// <summary>The model is gone for every key.</summary>
        RetireModel,

        /// <summary>The key itself is refused.</summary>
        DisableKey,

        /// <summary>A fault a retry can fix; after the retry budget, try the next model.</summary>
        Transient,

        /// <summary>Something about this post; the key and model are not to blame.</summary>
        FailPost,

        /// <summary>No connection to the endpoint could be made: no key or model is to blame, nothing is recorded, and the run stops.</summary>
        EndpointUnreachable,
    }

    /// <summary>What the rotation does about one failed request: what the ledger records for its route.</summary>
    internal sealed class RotationVerdict
    {
        public RotationVerdict(RotationAction action, string reason)
        {
            Action = action;
            Reason = reason;
        }

        public RotationAction Action { get; }
        public TimeSpan CoolDown { get; set; }

        /// <summary>Limits the server stated in quotaValue, to pace by from now on.</summary>
        public QuotaLimits? Learned { get; set; }

        /// <summary>The quotaIds the server named with <see cref="Learned"/>, so every learned limit says where it came from.</summary>
        public string? QuotaId { get; set; }

        /// <summary>One line for the ledger, Get-QuotaStatus and the switch log: the quota and its limit, not Google's whole message.</summary>
        public string Reason { get; }
    }
}
