using System.Security;

namespace InterviewTools.Hosting
{
    /// <summary>The bound parameters of Invoke-PostSummary, free of engine types so PowerShell can reflect over the cmdlet before the engine loads.</summary>
    internal sealed class PostSummarySettings
    {
        public PostSummarySettings(string? model, string? prompt, SecureString? apiKey, int timeoutSec, int maxRetryCount, int throttleLimit)
        {
            Model = model;
            Prompt = prompt;
            ApiKey = apiKey;
            TimeoutSec = timeoutSec;
            MaxRetryCount = maxRetryCount;
            ThrottleLimit = throttleLimit;
        }

        public string? Model { get; }
        public string? Prompt { get; }
        public SecureString? ApiKey { get; }
        public int TimeoutSec { get; }
        public int MaxRetryCount { get; }
        public int ThrottleLimit { get; }
    }
}
