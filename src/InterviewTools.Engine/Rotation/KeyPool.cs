using System.Collections.Generic;
using System.Linq;

namespace InterviewTools.Engine.Rotation
{
    /// <summary>The keys a run may use, each once, with what the caller should tell the user about how the pool was formed.</summary>
    internal sealed class KeyPool
    {
        public KeyPool(IReadOnlyList<PooledKey> keys, IReadOnlyList<string> notes, IReadOnlyList<string> warnings)
        {
            Keys = keys;
            Notes = notes;
            Warnings = warnings;
            Projects = keys.Select(k => k.Project).Distinct().ToList();
        }

        public IReadOnlyList<PooledKey> Keys { get; }

        /// <summary>Project labels in first-seen order; keys of one project share its quota.</summary>
        public IReadOnlyList<string> Projects { get; }

        /// <summary>For -Verbose: where each key came from and which sources were passed over.</summary>
        public IReadOnlyList<string> Notes { get; }

        /// <summary>Entries that were skipped or conflict; never holding a key, only fingerprints.</summary>
        public IReadOnlyList<string> Warnings { get; }

        public bool IsEmpty => Keys.Count == 0;
    }
}
