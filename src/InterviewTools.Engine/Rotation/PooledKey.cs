using InterviewTools.Engine.Common;

namespace InterviewTools.Engine.Rotation
{
    /// <summary>A key in the pool and the project whose quota it spends. Keys of one project share that quota.</summary>
    internal sealed class PooledKey
    {
        public PooledKey(ApiKey key, string? project, string origin)
        {
            Key = key;
            Project = string.IsNullOrWhiteSpace(project) ? key.Fingerprint : project!.Trim();
            Origin = origin;
        }

        public ApiKey Key { get; }

        /// <summary>The project label; an unlabelled key is its own project, named by its fingerprint.</summary>
        public string Project { get; }

        /// <summary>Where the key came from, e.g. "-ApiKey", "$env:GEMINI_API_KEYS" or "config.yaml", for messages.</summary>
        public string Origin { get; }

        public override string ToString() => $"{Key.Fingerprint} ({Project})";
    }
}
