using System;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace InterviewTools.Engine.Policy
{
    internal sealed class RetryNotice
    {
        public RetryNotice(int attempt, int maxRetries, TimeSpan delay, Exception cause)
        {
            Attempt = attempt;
            MaxRetries = maxRetries;
            Delay = delay;
            Cause = cause;
        }

        public int Attempt { get; }
        public int MaxRetries { get; }
        public TimeSpan Delay { get; }
        public Exception Cause { get; }
    }

    /// <summary>Exponential backoff with jitter around a per-attempt timeout, for faults that a second try can fix.</summary>
    internal static class TransientRetry
    {
        /// <summary>Listing the models on its own (Get-QuotaStatus -Refresh): two retries, 1 s growing to at most 10 s, 30 s per attempt.</summary>
        public static ResiliencePipeline ForModelListing(TimeProvider time) =>
            Create(maxRetries: 2, baseDelay: TimeSpan.FromSeconds(1), maxDelay: TimeSpan.FromSeconds(10), attemptTimeout: TimeSpan.FromSeconds(30), time, _ => { });

        public static ResiliencePipeline Create(int maxRetries, TimeSpan baseDelay, TimeSpan maxDelay, TimeSpan attemptTimeout, TimeProvider time, Action<RetryNotice> onRetry)
        {
            var builder = new ResiliencePipelineBuilder { TimeProvider = time };
            if (maxRetries > 0)
            {
                builder.AddRetry(new RetryStrategyOptions
                {
                    ShouldHandle = args => new System.Threading.Tasks.ValueTask<bool>(args.Outcome.Exception != null && FailureClassifier.IsTransient(args.Outcome.Exception)),
                    MaxRetryAttempts = maxRetries,
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    Delay = baseDelay,
                    MaxDelay = maxDelay,
                    OnRetry = args =>
                    {
                        onRetry(new RetryNotice(args.AttemptNumber + 1, maxRetries, args.RetryDelay, args.Outcome.Exception!));
                        return default;
                    },
                });
            }
            return builder.AddTimeout(new TimeoutStrategyOptions { Timeout = attemptTimeout }).Build();
        }
    }
}
