using InterviewTools.Engine.Common;

namespace InterviewTools.Engine.Config
{
    /// <summary>A key from the config file, already read from its environment variable when it named one.</summary>
    internal sealed class ConfiguredKey
    {
        public ConfiguredKey(ApiKey key, string? project, string origin)
        {
            Key = key;
            Project = project;
            Origin = origin;
        }

        public ApiKey Key { get; }

        /// <summary>Null when the entry has no label: the key is then its own project.</summary>
        public string? Project { get; }

        /// <summary>For messages, e.g. "config.yaml (line 7)" or "config.yaml (line 9, $env:WORK_GEMINI_KEY)".</summary>
        public string Origin { get; }
    }
}
