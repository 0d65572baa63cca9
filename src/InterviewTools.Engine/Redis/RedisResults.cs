using System;
using InterviewTools.Engine.Cache;
using InterviewTools.Engine.Common;
using InterviewTools.Engine.Resources;
using StackExchange.Redis;

namespace InterviewTools.Engine.Redis
{
    /// <summary>
    /// Finished summaries on a Redis server, so a post one machine finished is a cache hit on every other. Entries are the local
    /// cache's JSON under interviewtools:cache:{id} for 30 days; a claim beside each (SET NX with a TTL) lets one machine send a
    /// post that several start at once. A server that cannot answer costs a warning, never a summary: the local cache has it.
    /// </summary>
    internal sealed class RedisResults : ISharedResults
    {
        private static readonly TimeSpan EntryLife = TimeSpan.FromDays(30);
        private readonly IConnectionMultiplexer _connection;
        private readonly IEngineLog _log;
        private readonly string _owner = Guid.NewGuid().ToString("N");
        private int _warned;

        public RedisResults(IConnectionMultiplexer connection, string location, IEngineLog log)
        {
            _connection = connection;
            Location = location;
            _log = log;
        }

        public string Location { get; }

        private IDatabase Db => _connection.GetDatabase();

        public byte[]? Fetch(string entryId) => Try(() => (byte[]?)Db.StringGet(EntryKey(entryId)), null);

        public void Publish(string entryId, byte[] entry) => Try(() => Db.StringSet(EntryKey(entryId), entry, EntryLife), false);

        /// <summary>A server that cannot answer claims nothing for anyone: this process sends, as it would alone.</summary>
        public bool TryClaim(string entryId, TimeSpan life) => Try(() => Db.StringSet(ClaimKey(entryId), _owner, life, When.NotExists), true);

        public void Unclaim(string entryId) => Try(() => Db.ScriptEvaluate(
            "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0",
            new RedisKey[] { ClaimKey(entryId) }, new RedisValue[] { _owner }), RedisResult.Create(0));

        private static RedisKey EntryKey(string entryId) => "interviewtools:cache:{" + entryId + "}";

        private static RedisKey ClaimKey(string entryId) => "interviewtools:cache:{" + entryId + "}:claim";

        private T Try<T>(Func<T> operation, T otherwise)
        {
            try
            {
                return operation();
            }
            catch (Exception e) when (RedisConnections.IsUnavailable(e))
            {
                if (System.Threading.Interlocked.Exchange(ref _warned, 1) == 0)
                {
                    _log.Warning(Message.Format(EngineMessages.SharedCacheUnreachable, Location, RedisConnections.Reason(e)));
                }
                return otherwise;
            }
        }
    }
}
