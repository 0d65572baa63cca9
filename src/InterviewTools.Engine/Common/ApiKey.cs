using System;
using InterviewTools.Engine.Common;

namespace InterviewTools.Engine.Common
{
    /// <summary>
    /// An API key that shows itself only as a fingerprint. The secret is reachable only inside the engine,
    /// where it goes into the <c>x-goog-api-key</c> header and nowhere else.
    /// </summary>
    internal sealed class ApiKey
    {
        private ApiKey(string secret, string fingerprint)
        {
            Secret = secret;
            Fingerprint = fingerprint;
        }

        public string Fingerprint { get; }

        internal string Secret { get; }

        public static ApiKey FromPlainText(string secret)
        {
            var trimmed = (secret ?? throw new ArgumentNullException(nameof(secret))).Trim();
            if (trimmed.Length == 0) throw new ArgumentException("An API key cannot be empty.", nameof(secret));
            return new ApiKey(trimmed, FingerprintOf(trimmed));
        }

        public static string FingerprintOf(string secret) => Sha256.Hex(secret, "key-", bytes: 4);

        public string Scrub(string text) =>
            string.IsNullOrEmpty(text) ? text : text.Replace(Secret, Fingerprint);

        public override string ToString() => Fingerprint;
    }
}
