using System;
using System.Linq;
using InterviewTools.Engine.Common;
using InterviewTools.Engine.Gemini;
using InterviewTools.Engine.Rotation;
using Polly.Timeout;

namespace InterviewTools.Engine.Policy
{
    /// <summary>Reads what went wrong from the HTTP status and the google.rpc details first, and the message text last.</summary>
    internal static class FailureClassifier
    {
        private const string AccessTokenTypeUnsupported = "ACCESS_TOKEN_TYPE_UNSUPPORTED";
        private const string KeyTypeRefusal = "this key type is not accepted by the endpoint";

        private static readonly string[] KeyRejectionReasons = { "API_KEY_INVALID", "API_KEY_SERVICE_BLOCKED", "SERVICE_DISABLED", "CONSUMER_SUSPENDED" };

        /// <summary>What the service or the network did, as opposed to a bug here, which must surface as itself.</summary>
        public static bool IsServiceFailure(Exception exception) => exception is GeminiException || exception is TimeoutRejectedException;

        public static bool IsTransient(Exception exception) => exception switch
        {
            GeminiApiException api => api.HttpStatus == 500 || api.HttpStatus == 502 || api.HttpStatus == 503 || api.HttpStatus == 504,
            GeminiTransportException _ => true,
            GeminiMalformedResponseException _ => true,
            TimeoutRejectedException _ => true,
            _ => false,
        };

        public static SummaryFailure Classify(Exception exception, TimeSpan timeout) => exception switch
        {
            GeminiApiException api => Classify(api.Error),
            TimeoutRejectedException _ => new SummaryFailure(FailureKind.TimedOut, $"No answer within {timeout.TotalSeconds:0.#} s (-TimeoutSec)."),
            GeminiTransportException { Unreachable: { } endpoint } transport => Unreachable(endpoint, transport),
            GeminiTransportException transport => new SummaryFailure(FailureKind.NetworkError, transport.Message),
            GeminiMalformedResponseException malformed => new SummaryFailure(FailureKind.ServerError, malformed.Message),
            _ => throw new ArgumentException($"{exception.GetType().Name} is not a service failure.", nameof(exception)),
        };

        private static SummaryFailure Unreachable(GeminiEndpoint endpoint, GeminiTransportException transport)
        {
            var cause = transport.InnerException ?? transport;
            var why = cause;
            while (why.InnerException != null) why = why.InnerException;
            return new SummaryFailure(FailureKind.EndpointUnreachable,
                $"The Gemini endpoint {endpoint} cannot be reached ({why.Message.TrimEnd('.')}), so the run stops: no model or key is to blame. " +
                "Posts not summarized yet are summarized when the same command runs again.", cause: cause);
        }

        /// <summary>Per-minute cool-downs get this margin over the server's own delay, so the retry lands after the window really moved.</summary>
        public static readonly TimeSpan CoolDownMargin = TimeSpan.FromSeconds(1);

        /// <summary>The longest per-minute cool-down honoured; a longer delay is not a per-minute matter.</summary>
        public static readonly TimeSpan CoolDownCap = TimeSpan.FromMinutes(5);

        private static readonly TimeSpan DefaultCoolDown = TimeSpan.FromSeconds(60);

        /// <summary>What the rotation engine does about a failed request: the one table, in one place.</summary>
        public static FailureVerdict Verdict(Exception exception, TimeSpan timeout)
        {
            if (exception is GeminiApiException api) return Verdict(api.Error);
            var failure = Classify(exception, timeout);
            if (failure.Kind == FailureKind.EndpointUnreachable) return new FailureVerdict(RotationAction.EndpointUnreachable, failure, failure.Message);
            return new FailureVerdict(RotationAction.Transient, failure, failure.Message.Split('\n')[0]);
        }

        public static FailureVerdict Verdict(GeminiError error)
        {
            var failure = Classify(error);
            var reason = ShortReason(error);
            if (error.HttpStatus == 429) return QuotaVerdict(error, failure, reason);
            if (IsRetiredModel(error)) return new FailureVerdict(RotationAction.RetireModel, new SummaryFailure(FailureKind.ModelNotFound, failure.Message, error.HttpStatus), reason);
            switch (failure.Kind)
            {
                case FailureKind.KeyRejected:
                case FailureKind.KeyTypeUnsupported:
                    return new FailureVerdict(RotationAction.DisableKey, failure, reason);
                case FailureKind.ServerError:
                    return new FailureVerdict(RotationAction.Transient, failure, reason);
                default:
                    return new FailureVerdict(RotationAction.FailPost, failure, reason);
            }
        }

        /// <summary>"429 RESOURCE_EXHAUSTED: GenerateRequestsPerDayPerProjectPerModel-FreeTier, limit: 20; retry in 18.6s", or the status and the message's first sentence.</summary>
        public static string ShortReason(GeminiError error)
        {
            var head = $"{error.HttpStatus} {error.Status}".Trim();
            if (string.Equals(error.ErrorInfo?.Reason, AccessTokenTypeUnsupported, StringComparison.Ordinal)) return $"{head}: {KeyTypeRefusal} ({AccessTokenTypeUnsupported})";
            if (error.QuotaViolations.Count > 0)
            {
                var quotas = string.Join("; ", error.QuotaViolations.Select(v => $"{v.QuotaId ?? v.QuotaMetric ?? "quota"}, limit: {v.QuotaValue}"));
                var delay = error.RetryDelayFromMessage ?? error.RetryDelay;
                return $"{head}: {quotas}" + (delay == null ? string.Empty : $"; retry in {delay.Value.TotalSeconds:0.#}s");
            }
            var line = error.Message.Split('\n')[0].Trim();
            return line.Length == 0 ? head : $"{head}: {line}";
        }

        private static bool IsRetiredModel(GeminiError error) =>
            error.HttpStatus == 404 || error.Message.IndexOf("no longer available", StringComparison.OrdinalIgnoreCase) >= 0;

        private static FailureVerdict QuotaVerdict(GeminiError error, SummaryFailure failure, string reason)
        {
            var violations = error.QuotaViolations;
            if (violations.Any(v => v.QuotaValue == 0) || error.Message.IndexOf("limit: 0", StringComparison.Ordinal) >= 0)
            {
                return new FailureVerdict(RotationAction.NoFreeTier, failure, reason);
            }
            var learned = new QuotaLimits();
            var daily = false;
            foreach (var violation in violations)
            {
                var id = (violation.QuotaId ?? string.Empty) + " " + (violation.QuotaMetric ?? string.Empty);
                var perDay = Contains(id, "PerDay") || Contains(id, "Daily");
                var tokens = Contains(id, "Token");
                daily |= perDay;
                if (perDay && tokens) learned.InputTokensPerDay = violation.QuotaValue;
                else if (perDay) learned.RequestsPerDay = (int)Math.Min(int.MaxValue, violation.QuotaValue);
                else if (tokens) learned.InputTokensPerMinute = violation.QuotaValue;
                else if (Contains(id, "PerMinute")) learned.RequestsPerMinute = (int)Math.Min(int.MaxValue, violation.QuotaValue);
            }
            if (violations.Count == 0) daily = Contains(error.Message, "per day") || Contains(error.Message, "daily");
            var quotaIds = violations.Select(v => v.QuotaId).Where(id => !string.IsNullOrEmpty(id)).Distinct(StringComparer.Ordinal).ToList();
            var quotaId = quotaIds.Count == 0 ? null : string.Join(", ", quotaIds);
            if (daily) return new FailureVerdict(RotationAction.ExhaustedToday, failure, reason) { Learned = learned, QuotaId = quotaId };

            var asked = error.RetryDelayFromMessage ?? error.RetryDelay ?? DefaultCoolDown;
            var coolDown = asked + CoolDownMargin;
            return new FailureVerdict(RotationAction.CoolDown, failure, reason)
            {
                CoolDown = coolDown > CoolDownCap ? CoolDownCap : coolDown,
                Learned = learned,
                QuotaId = quotaId,
            };
        }

        private static bool Contains(string text, string part) => text.IndexOf(part, StringComparison.OrdinalIgnoreCase) >= 0;

        public static SummaryFailure Classify(GeminiError error)
        {
            var message = $"{error.HttpStatus} {error.Status}: {error.Message}";
            var reason = error.ErrorInfo?.Reason;
            if (error.HttpStatus == 429) return new SummaryFailure(FailureKind.QuotaExhausted, message, 429);
            if (string.Equals(reason, AccessTokenTypeUnsupported, StringComparison.Ordinal))
            {
                return new SummaryFailure(FailureKind.KeyTypeUnsupported, $"{error.HttpStatus} {error.Status}: {KeyTypeRefusal} ({AccessTokenTypeUnsupported}).", error.HttpStatus);
            }
            if (error.HttpStatus == 401 || error.HttpStatus == 402 || error.HttpStatus == 403 || (reason != null && KeyRejectionReasons.Contains(reason)))
            {
                return new SummaryFailure(FailureKind.KeyRejected, message, error.HttpStatus);
            }
            if (error.HttpStatus == 404) return new SummaryFailure(FailureKind.ModelNotFound, message, 404);
            if (error.HttpStatus == 400 && error.Message.IndexOf("input token count", StringComparison.OrdinalIgnoreCase) >= 0)
            {
                return new SummaryFailure(FailureKind.InputTooLong, message, 400);
            }
            if (error.HttpStatus >= 500) return new SummaryFailure(FailureKind.ServerError, message, error.HttpStatus);
            return new SummaryFailure(FailureKind.InvalidRequest, message, error.HttpStatus);
        }
    }
}
