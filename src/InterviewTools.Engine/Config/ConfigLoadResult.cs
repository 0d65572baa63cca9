using System.Collections.Generic;

namespace InterviewTools.Engine.Config
{
    internal sealed class ConfigLoadResult
    {
        public ConfigLoadResult(InterviewToolsConfig config, IReadOnlyList<string> problems, IReadOnlyList<string> warnings)
        {
            Config = config;
            Problems = problems;
            Warnings = warnings;
        }

        /// <summary>The settings that were valid; a bad entry is left out, a malformed file gives the empty config.</summary>
        public InterviewToolsConfig Config { get; }

        /// <summary>Errors, each naming the file and line: entries that were ignored because they are wrong.</summary>
        public IReadOnlyList<string> Problems { get; }

        /// <summary>Things that are probably a mistake but harm nothing, such as a setting this version does not know.</summary>
        public IReadOnlyList<string> Warnings { get; }
    }
}
