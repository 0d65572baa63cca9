using Xunit;

namespace InterviewTools.Tests
{
    /// <summary>Hosted runs share process-wide environment variables (keys, base URL), so they run one at a time.</summary>
    [CollectionDefinition(Name, DisableParallelization = true)]
    public sealed class HostedCollection
    {
        public const string Name = "Hosted PowerShell";
    }
}
