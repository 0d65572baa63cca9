namespace InterviewTools.Engine.Redis
{
    /// <summary>
    /// The ledger's three operations, each one Lua script on the server, so the check and the count are one atomic step for
    /// every process on every machine. They keep the file ledger's semantics (RouteCapacity): one-second buckets that count
    /// for the minute after their second ends, requests and tokens per Pacific day, cool-downs and the day's end from 429s,
    /// checked in the same order and reported with the same codes (BlockKind). The clock is the server's TIME, never a
    /// machine's; the Pacific day comes from a table of midnights the engine computes with the time zone rules (DST included),
    /// so the script only looks up which day the server's second falls in. The now argument, when not empty, replaces TIME:
    /// tests use it to put the server at any instant.
    ///
    /// Keys: KEYS[1] the route's usage hash, KEYS[2] the reservation (a hash with a TTL, so a dead worker's reservation
    /// expires). Both carry the route's hash tag, so on a cluster they sit in one slot.
    /// Usage fields: day, dr, dt (the day's requests and tokens), r:SECOND and t:SECOND (a bucket), exh (exhausted until, ms),
    /// nofree, cool (cooling until, ms), err and errAt (the last error), lastKey (a key fingerprint), probe (until when a request
    /// holds the route's probe claim, ms: no second request goes while its limits are unconfirmed).
    /// </summary>
    internal static class LedgerScripts
    {
        /// <summary>Shared helpers: the clock, the Pacific day, and the route's usage read and rolled forward.</summary>
        private const string Common = @"
local function clock(override)
  if override ~= '' then return tonumber(override) end
  local t = redis.call('TIME')
  return tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
end
local function pacific(now_s, first)
  local day, nextStart = nil, nil
  for i = first, #ARGV, 2 do
    local start = tonumber(ARGV[i])
    if start <= now_s then day = ARGV[i + 1] else nextStart = start break end
  end
  return day, nextStart
end
local function usage(key, now, day)
  local flat = redis.call('HGETALL', key)
  local u = { buckets = {}, reqs = 0, toks = 0 }
  local f = {}
  for i = 1, #flat, 2 do f[flat[i]] = flat[i + 1] end
  if f.day ~= day then
    redis.call('HSET', key, 'day', day, 'dr', 0, 'dt', 0)
    u.dr, u.dt = 0, 0
  else
    u.dr, u.dt = tonumber(f.dr or '0'), tonumber(f.dt or '0')
  end
  u.exh = tonumber(f.exh or '0')
  if u.exh > 0 and u.exh <= now then redis.call('HDEL', key, 'exh', 'nofree') u.exh = 0 f.nofree = nil end
  u.nofree = f.nofree == '1'
  u.cool = tonumber(f.cool or '0')
  if u.cool > 0 and u.cool <= now then redis.call('HDEL', key, 'cool') u.cool = 0 end
  u.probe = tonumber(f.probe or '0')
  if u.probe > 0 and u.probe <= now then redis.call('HDEL', key, 'probe') u.probe = 0 end
  u.err = f.err or ''
  for name, value in pairs(f) do
    if string.sub(name, 1, 2) == 'r:' then
      local sec = tonumber(string.sub(name, 3))
      if (sec + 61) * 1000 <= now then
        redis.call('HDEL', key, name, 't:' .. sec)
      else
        local b = { sec = sec, r = tonumber(value), t = tonumber(f['t:' .. sec] or '0') }
        table.insert(u.buckets, b)
        u.reqs = u.reqs + b.r
        u.toks = u.toks + b.t
      end
    end
  end
  table.sort(u.buckets, function(a, b) return a.sec < b.sec end)
  return u
end
";

        /// <summary>
        /// reserve: ARGV 1 tokens, 2 reservation life (ms), 3 the route's probe claim life (ms; 0 when its limits are confirmed:
        /// no claim is checked or taken), 4 now override (ms or empty),
        /// 5 the key's fingerprint, 6-9 the paced limits, 10-13 the firm ones, 14-17 the server's own (rpm tpm rpd tpd, -1 for
        /// none), 18 'count' (check the paced limits) or 'past' (the firm ones: the tier probe), 19 the usage hash's life (ms),
        /// 20- the Pacific day table (midnight in Unix seconds, day). Returns {1, second, now} when counted, {2, now} when it
        /// fits but another request holds the route's probe claim, or {0, kind, until, used, limit, firm blocks, server said,
        /// last error, now, probe claim out}.
        /// </summary>
        public const string Reserve = Common + @"
local now = clock(ARGV[4])
local now_s = math.floor(now / 1000)
local day, nextStart = pacific(now_s, 20)
if day == nil or nextStart == nil then return redis.error_reply('LEDGER_CLOCK the server time is outside the Pacific day table') end
local tokens = tonumber(ARGV[1])
local u = usage(KEYS[1], now, day)
local probeLife = tonumber(ARGV[3])
local probeOut = probeLife > 0 and u.probe > 0
local function frees_at(field, needed)
  local freed, last = 0, nil
  for _, b in ipairs(u.buckets) do
    freed = freed + b[field]
    last = b
    if freed >= needed then return (b.sec + 61) * 1000 end
  end
  return (last.sec + 61) * 1000
end
local function check(first, size)
  local rpm, tpm, rpd, tpd = tonumber(ARGV[first]), tonumber(ARGV[first + 1]), tonumber(ARGV[first + 2]), tonumber(ARGV[first + 3])
  if u.exh > 0 then return { u.nofree and 2 or 1, u.exh, 0, 0 } end
  if rpd >= 0 and u.dr >= rpd then return { 3, nextStart * 1000, u.dr, rpd } end
  if tpd >= 0 and u.dt + size > tpd then return { 4, nextStart * 1000, u.dt, tpd } end
  if u.cool > 0 then return { 5, u.cool, 0, 0 } end
  if rpm >= 0 and u.reqs + 1 > rpm then return { 6, frees_at('r', u.reqs + 1 - rpm), u.reqs, rpm } end
  if tpm >= 0 and u.toks > 0 and u.toks + size > tpm then return { 7, frees_at('t', u.toks + math.min(size, tpm) - tpm), u.toks, tpm } end
  return nil
end
local blocked = check(ARGV[18] == 'past' and 10 or 6, tokens)
if blocked == nil then
  if probeOut then return { 2, now } end
  redis.call('HINCRBY', KEYS[1], 'r:' .. now_s, 1)
  redis.call('HINCRBY', KEYS[1], 't:' .. now_s, tokens)
  redis.call('HINCRBY', KEYS[1], 'dr', 1)
  redis.call('HINCRBY', KEYS[1], 'dt', tokens)
  redis.call('HSET', KEYS[1], 'lastKey', ARGV[5])
  if probeLife > 0 then redis.call('HSET', KEYS[1], 'probe', now + probeLife) end
  redis.call('PEXPIRE', KEYS[1], ARGV[19])
  redis.call('HSET', KEYS[2], 'sec', now_s, 'tok', tokens, 'day', day)
  redis.call('PEXPIRE', KEYS[2], ARGV[2])
  return { 1, now_s, now }
end
local firm = check(10, tokens)
local said = check(14, 0)
return { 0, blocked[1], blocked[2], blocked[3], blocked[4], firm and 1 or 0, said and 1 or 0, u.err, now, probeOut and 1 or 0 }
";

        /// <summary>
        /// settle: ARGV 1 the tokens the server counted (0 keeps the estimate), 2 now override, 3 whether the reservation held the
        /// route's probe claim (1/0; its answer gives the claim back), 4- the Pacific day table. The request moves from the second
        /// it was reserved to the second of its answer, as RouteCapacity.CountFromAnswer does in the file ledger.
        /// Returns {1, requests this minute} or {0, requests this minute} when the reservation had expired.
        /// </summary>
        public const string Settle = Common + @"
local now = clock(ARGV[2])
local day = pacific(math.floor(now / 1000), 4)
if day == nil then return redis.error_reply('LEDGER_CLOCK the server time is outside the Pacific day table') end
if ARGV[3] == '1' then redis.call('HDEL', KEYS[1], 'probe') end
local r = redis.call('HMGET', KEYS[2], 'sec', 'tok', 'day')
local found = 0
if r[1] then
  found = 1
  local estimate = tonumber(r[2])
  local counted = tonumber(ARGV[1])
  if counted <= 0 then counted = estimate end
  local sec = tonumber(r[1])
  if redis.call('HEXISTS', KEYS[1], 'r:' .. sec) == 1 then
    local left = redis.call('HINCRBY', KEYS[1], 'r:' .. sec, -1)
    redis.call('HINCRBY', KEYS[1], 't:' .. sec, -estimate)
    if left <= 0 then redis.call('HDEL', KEYS[1], 'r:' .. sec, 't:' .. sec) end
  end
  local answered = math.max(sec, math.floor(now / 1000))
  redis.call('HINCRBY', KEYS[1], 'r:' .. answered, 1)
  redis.call('HINCRBY', KEYS[1], 't:' .. answered, counted)
  if redis.call('HGET', KEYS[1], 'day') == r[3] then redis.call('HINCRBY', KEYS[1], 'dt', counted - estimate) end
  redis.call('DEL', KEYS[2])
end
local u = usage(KEYS[1], now, day)
return { found, u.reqs }
";

        /// <summary>
        /// release: ARGV 1 now override, 2 the verdict's action ('' none, 'exhausted', 'nofree', 'cool'), 3 its cool-down (ms),
        /// 4 its reason ('' for no verdict), 5 whether the reservation held the route's probe claim (1/0), 6- the Pacific day table. Returns 1 when the reservation was given back, 0 when it
        /// had expired (its request then stays counted, as the server may have counted it).
        /// </summary>
        public const string Release = Common + @"
local now = clock(ARGV[1])
local day, nextStart = pacific(math.floor(now / 1000), 6)
if day == nil or nextStart == nil then return redis.error_reply('LEDGER_CLOCK the server time is outside the Pacific day table') end
if ARGV[5] == '1' then redis.call('HDEL', KEYS[1], 'probe') end
local r = redis.call('HMGET', KEYS[2], 'sec', 'tok', 'day')
local found = 0
if r[1] then
  found = 1
  if redis.call('HEXISTS', KEYS[1], 'r:' .. r[1]) == 1 then
    local left = redis.call('HINCRBY', KEYS[1], 'r:' .. r[1], -1)
    redis.call('HINCRBY', KEYS[1], 't:' .. r[1], -tonumber(r[2]))
    if left <= 0 then redis.call('HDEL', KEYS[1], 'r:' .. r[1], 't:' .. r[1]) end
  end
  if redis.call('HGET', KEYS[1], 'day') == r[3] then
    local dr = tonumber(redis.call('HGET', KEYS[1], 'dr') or '0')
    local dt = tonumber(redis.call('HGET', KEYS[1], 'dt') or '0')
    redis.call('HSET', KEYS[1], 'dr', math.max(0, dr - 1), 'dt', math.max(0, dt - tonumber(r[2])))
  end
  redis.call('DEL', KEYS[2])
end
if ARGV[4] ~= '' then
  redis.call('HSET', KEYS[1], 'err', ARGV[4], 'errAt', now)
  if ARGV[2] == 'exhausted' or ARGV[2] == 'nofree' then
    redis.call('HSET', KEYS[1], 'exh', nextStart * 1000)
    if ARGV[2] == 'nofree' then redis.call('HSET', KEYS[1], 'nofree', '1') end
  elseif ARGV[2] == 'cool' then
    local cd = tonumber(ARGV[3])
    local untilMs = now + cd
    if cd > 0 and tonumber(redis.call('HGET', KEYS[1], 'cool') or '0') < untilMs then redis.call('HSET', KEYS[1], 'cool', untilMs) end
  end
end
return found
";

        /// <summary>Replaces the shared facts if nobody changed them since they were read: ARGV 1 the version read, 2 the new JSON.</summary>
        public const string ReplaceFacts = @"
local v = redis.call('HGET', KEYS[1], 'v') or '0'
if v ~= ARGV[1] then return 0 end
redis.call('HSET', KEYS[1], 'v', tonumber(v) + 1, 'json', ARGV[2])
return 1
";
    }
}
