using System;
using System.Net;
using InterviewTools.Engine.Resources;
using StackExchange.Redis;

namespace InterviewTools.Engine.Redis
{
    /// <summary>
    /// A Redis server named by a URL: redis://[user[:password]@]host[:port][/db], rediss:// for TLS. A password not in the URL
    /// comes from $env:INTERVIEWTOOLS_REDIS_PASSWORD (and a user from $env:INTERVIEWTOOLS_REDIS_USER), so it need not be written
    /// in config.yaml. The password is never shown: <see cref="ToString"/> masks it.
    /// </summary>
    internal sealed class RedisAddress
    {
        public const string PasswordVariable = "INTERVIEWTOOLS_REDIS_PASSWORD";
        public const string UserVariable = "INTERVIEWTOOLS_REDIS_USER";
        public const int DefaultPort = 6379;

        private readonly string? _password;

        private RedisAddress(bool tls, string host, int port, int database, string? user, string? password)
        {
            Tls = tls;
            Host = host;
            Port = port;
            Database = database;
            User = user;
            _password = password;
        }

        public bool Tls { get; }
        public string Host { get; }
        public int Port { get; }
        public int Database { get; }
        public string? User { get; }
        public bool HasPassword => !string.IsNullOrEmpty(_password);

        /// <summary>Whether <paramref name="setting"/> names a Redis server rather than the local file.</summary>
        public static bool IsRedis(string? setting) =>
            setting != null && (setting.Trim().StartsWith("redis://", StringComparison.OrdinalIgnoreCase) || setting.Trim().StartsWith("rediss://", StringComparison.OrdinalIgnoreCase));

        /// <exception cref="ArgumentException">Not a redis:// or rediss:// URL with a host, a port and a database number; the message never holds the password.</exception>
        public static RedisAddress Parse(string url, Func<string, string?> environment)
        {
            if (!Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != "redis" && uri.Scheme != "rediss") || string.IsNullOrEmpty(uri.Host))
            {
                throw new ArgumentException(EngineMessages.LedgerSettingNotUrl);
            }
            var path = uri.AbsolutePath.Trim('/');
            var database = 0;
            if (path.Length > 0 && (!int.TryParse(path, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out database) || database > 15))
            {
                throw new ArgumentException(Message.Format(EngineMessages.LedgerDatabaseInvalid, uri.Host, PortOf(uri)));
            }
            string? user = null, password = null;
            if (uri.UserInfo.Length > 0)
            {
                var colon = uri.UserInfo.IndexOf(':');
                user = Uri.UnescapeDataString(colon < 0 ? uri.UserInfo : uri.UserInfo.Substring(0, colon));
                password = colon < 0 ? null : Uri.UnescapeDataString(uri.UserInfo.Substring(colon + 1));
                if (user.Length == 0) user = null;
            }
            user ??= NonEmpty(environment(UserVariable));
            password ??= NonEmpty(environment(PasswordVariable));
            return new RedisAddress(uri.Scheme == "rediss", uri.Host, PortOf(uri), database, user, password);
        }

        private static int PortOf(Uri uri) => uri.IsDefaultPort || uri.Port <= 0 ? DefaultPort : uri.Port;

        private static string? NonEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

        /// <summary>The options to connect with; the password goes only here, never into a string that is shown.</summary>
        public ConfigurationOptions Options(TimeSpan connectTimeout, TimeSpan operationTimeout)
        {
            var options = new ConfigurationOptions
            {
                Ssl = Tls,
                User = User,
                Password = _password,
                DefaultDatabase = Database,
                AbortOnConnectFail = true,
                ConnectRetry = 1,
                ConnectTimeout = (int)connectTimeout.TotalMilliseconds,
                SyncTimeout = (int)operationTimeout.TotalMilliseconds,
                AsyncTimeout = (int)operationTimeout.TotalMilliseconds,
                ClientName = "InterviewTools",
                // While the server is gone a command fails at once instead of waiting out its timeout in the client's backlog:
                // the planner's own backoff (within MaxWait) decides how long to wait, and every later post is not held 3 s per call.
                BacklogPolicy = BacklogPolicy.FailFast,
            };
            if (Tls) options.SslHost = Host;
            options.EndPoints.Add(Host, Port);
            return options;
        }

        /// <summary>The URL with the password masked, for every message.</summary>
        public override string ToString()
        {
            var who = User == null && !HasPassword ? string.Empty : (User == null ? string.Empty : Uri.EscapeDataString(User)) + (HasPassword ? ":***" : string.Empty) + "@";
            var host = Host.Contains(":") && !Host.StartsWith("[", StringComparison.Ordinal) ? "[" + Host + "]" : Host;
            return $"{(Tls ? "rediss" : "redis")}://{who}{host}:{Port}/{Database}";
        }

        /// <summary>Whether <paramref name="text"/> holds the password, for checks that nothing leaked.</summary>
        internal bool Reveals(string text) => HasPassword && text.IndexOf(_password!, StringComparison.Ordinal) >= 0;
    }
}
