using System;

namespace InterviewTools.Engine.Cache
{
    /// <summary>
    /// Where machines that share a key pool share finished summaries too, beside each one's local cache: entries by id, as the
    /// local cache writes them, and a short claim so that two machines starting one post send it once. An implementation never
    /// throws for an unreachable server: it logs, and the local cache goes on alone.
    /// </summary>
    internal interface ISharedResults
    {
        /// <summary>Where the entries are, for messages, without a password.</summary>
        string Location { get; }

        /// <summary>The entry's JSON, as <see cref="ResultCache"/> writes it, or null when no machine stored it.</summary>
        byte[]? Fetch(string entryId);

        void Publish(string entryId, byte[] entry);

        /// <summary>Claims the post for this process for <paramref name="life"/>; false while another process holds it.</summary>
        bool TryClaim(string entryId, TimeSpan life);

        void Unclaim(string entryId);
    }
}
