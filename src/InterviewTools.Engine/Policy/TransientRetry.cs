using System;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace InterviewTools.Engine.Policy
{
    public sealed class RetryNotice
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
    public static class TransientRetry
    {
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
