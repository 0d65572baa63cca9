using System;
using System.Collections.Concurrent;
using InterviewTools.Engine.Common;
using InterviewTools.Engine.Resources;
using InterviewTools.Engine.Rotation;
using StackExchange.Redis;

namespace InterviewTools.Engine.Redis
{
    /// <summary>One connection per process and server, shared by the ledger and the result cache; it reconnects by itself after a loss.</summary>
    internal static class RedisConnections
    {
        private static readonly ConcurrentDictionary<string, Lazy<ConnectionMultiplexer>> Open = new ConcurrentDictionary<string, Lazy<ConnectionMultiplexer>>(StringComparer.Ordinal);

        /// <exception cref="LedgerUnavailableException">The server cannot be reached or refuses the credentials; the message holds no password.</exception>
        public static IConnectionMultiplexer Connect(RedisAddress address, TimeSpan? connectTimeout = null)
        {
            var location = address.ToString();
            var identity = location + "\n" + Sha256.Hex(address.Options(TimeSpan.Zero, TimeSpan.Zero).Password ?? string.Empty, bytes: 8);
            var lazy = Open.GetOrAdd(identity, _ => new Lazy<ConnectionMultiplexer>(() =>
                ConnectionMultiplexer.Connect(address.Options(connectTimeout ?? TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(3)))));
            try
            {
                return lazy.Value;
            }
            catch (Exception e) when (e is RedisException || e is System.Net.Sockets.SocketException || e is TimeoutException || e is ArgumentException)
            {
                Open.TryRemove(identity, out _);
                throw new LedgerUnavailableException(location, Message.Format(EngineMessages.LedgerUnreachable, location, Safe(address, e)), e);
            }
        }

        /// <summary>The client's first sentence, which says what happened; the rest is advice about its own options, not the user's.</summary>
        private static string Safe(RedisAddress address, Exception e)
        {
            var line = Reason(e);
            return address.Reveals(line) ? e.GetType().Name : line;
        }

        /// <summary>What happened, in the client's first clause; its connection dump and advice (after " - " or ". ") are not the user's.</summary>
        public static string Reason(Exception e)
        {
            var line = e.Message.Split('\n')[0].Trim();
            foreach (var end in new[] { ". ", " - " })
            {
                var stop = line.IndexOf(end, StringComparison.Ordinal);
                if (stop > 0) line = line.Substring(0, stop + (end == ". " ? 1 : 0));
            }
            return line.Length > 200 ? line.Substring(0, 200) + "…" : line;
        }

        /// <summary>Whether a client exception means the server cannot answer now, rather than a fault of ours.</summary>
        public static bool IsUnavailable(Exception e) =>
            e is RedisConnectionException || e is RedisTimeoutException || e is TimeoutException || e is ObjectDisposedException
            || (e is RedisServerException server && (server.Message.StartsWith("LOADING", StringComparison.Ordinal) || server.Message.StartsWith("BUSY", StringComparison.Ordinal)
                || server.Message.StartsWith("MASTERDOWN", StringComparison.Ordinal) || server.Message.StartsWith("TRYAGAIN", StringComparison.Ordinal) || server.Message.StartsWith("READONLY", StringComparison.Ordinal)));
    }
}
