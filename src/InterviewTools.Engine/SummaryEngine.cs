using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using InterviewTools.Engine.Cache;
using InterviewTools.Engine.Common;
using InterviewTools.Engine.Config;
using InterviewTools.Engine.Gemini;
using InterviewTools.Engine.Offline;
using InterviewTools.Engine.Policy;
using InterviewTools.Engine.Posts;
using InterviewTools.Engine.Redis;
using InterviewTools.Engine.Resources;
using InterviewTools.Engine.Rotation;
using InterviewTools.Engine.State;
using InterviewTools.Engine.Summaries;

namespace InterviewTools.Engine
{
    /// <summary>
    /// The engine's front door. Opened from the caller's settings, the environment, a clock and a log, it resolves everything a
    /// run needs once (parameters, then the environment, then config.yaml, then the built-in defaults) and offers what the
    /// cmdlets do: read and plan a post, summarise it to its final outcome (cache reuse, the offline stand-in for a deferral and
    /// the run-stop verdict already decided), report and reset the quota ledger, refresh the model list, plan a batch.
    /// Summaries may run on several threads at once; everything it reports goes to the log.
    /// </summary>
    public sealed class SummaryEngine
    {
        private readonly EngineSettings _settings;
        private readonly TimeProvider _time;
        private readonly IEngineLog _log;
        private readonly SummarizerOptions _options;
        private readonly ResultCache _cache;
        private readonly CacheKey _cacheKey;
        private readonly GeminiEndpoint? _endpoint;
        private readonly KeyPool? _pool;
        private readonly ILedgerStore? _ledger;
        private readonly DeferralTally _deferrals = new DeferralTally();
        private readonly RunTally _tally = new RunTally();
        private readonly DateTimeOffset _startedAt;
        private readonly object _starting = new object();
        private RoutePlanner? _planner;
        private PostSummarizer? _summarizer;

        private SummaryEngine(EngineSettings settings, TimeProvider time, IEngineLog log, SummarizerOptions options, ResultCache cache,
            PostSummaryProvider provider, GeminiEndpoint? endpoint, KeyPool? pool, ILedgerStore? ledger, int throttleLimit)
        {
            _settings = settings;
            _time = time;
            _log = log;
            _options = options;
            _cache = cache;
            _cacheKey = CacheKey.For(options.Prompt, provider);
            Provider = provider;
            _endpoint = endpoint;
            _pool = pool;
            _ledger = ledger;
            ThrottleLimit = throttleLimit;
            _startedAt = time.GetUtcNow();
        }

        /// <summary>The provider this engine summarises with: Gemini, or the built-in offline summarizer.</summary>
        public PostSummaryProvider Provider { get; }

        /// <summary>How many posts may be in flight at once: -ThrottleLimit, else config.yaml's, else the default.</summary>
        public int ThrottleLimit { get; }

        /// <summary>The models of the chain, most preferred first.</summary>
        public IReadOnlyList<string> Models => _options.Models;

        /// <summary>Where the quota ledger is, for messages.</summary>
        public string LedgerLocation => _ledger?.Location ?? string.Empty;

        /// <summary>The built-in model chain, for completers.</summary>
        public static IReadOnlyList<string> DefaultModels => ModelCatalog.DefaultChain;

        /// <exception cref="EngineSetupException">No key where one is required, or an unusable endpoint.</exception>
        public static SummaryEngine Open(EngineSettings settings, Func<string, string?> environment, TimeProvider time, IEngineLog log)
        {
            if (settings == null) throw new ArgumentNullException(nameof(settings));
            var options = new SummarizerOptions { RequestTimeout = settings.RequestTimeout, MaxRetries = settings.MaxRetries };
            if (settings.Prompt != null) options.Prompt = settings.Prompt;
            var cache = new ResultCache(StateDirectory.Resolve(environment), log, time);
            if (settings.Use == EngineUse.Summaries && settings.Provider == PostSummaryProvider.Offline) return Offline(settings, time, log, options, cache);
            if (settings.ApiKeys != null && settings.ApiKeys.Count == 0) throw NoApiKey();

            var configFile = StateDirectory.ConfigFile(environment);
            var loaded = ConfigLoader.Load(configFile, environment);
            foreach (var problem in loaded.Problems) log.ConfigProblem(configFile, problem);
            foreach (var warning in loaded.Warnings) log.Warning(warning);
            var config = loaded.Config;
            GeminiEndpoint endpoint;
            try
            {
                endpoint = config.ResolveEndpoint(environment);
            }
            catch (ArgumentException e)
            {
                throw new EngineSetupException(SetupProblem.BadEndpoint, e.Message, e);
            }
            var pool = KeyPoolBuilder.Build(settings.ApiKeys, environment, config);
            foreach (var note in pool.Notes) log.Verbose(note);
            foreach (var warning in pool.Warnings) log.Warning(warning);
            options.Models = config.ResolveModels(settings.Models?.Select(ModelId.Bare).Distinct(StringComparer.OrdinalIgnoreCase).ToList());
            options.Prices = new PriceTable(config.Prices);
            var limits = new RouteLimits(config.Limits, config.BuiltInLimits);
            if (settings.Use == EngineUse.Summaries && pool.IsEmpty)
            {
                if (settings.Provider == PostSummaryProvider.Gemini) throw NoApiKey();
                log.Warning(Message.Format(EngineMessages.NoKeyOffline, configFile));
                return Offline(settings, time, log, options, cache);
            }
            var ledger = OpenLedger(config, environment, endpoint, limits, time, log);
            cache.Shared = OpenSharedCache(config, environment, log);
            var maxWaitSec = settings.MaxWaitSec ?? config.MaxWaitSec;
            if (maxWaitSec != null) options.MaxWait = TimeSpan.FromSeconds(maxWaitSec.Value);
            var throttle = settings.ThrottleLimit ?? config.ThrottleLimit ?? EngineSettings.DefaultThrottleLimit;
            return new SummaryEngine(settings, time, log, options, cache, PostSummaryProvider.Gemini, endpoint, pool, ledger, throttle);
        }

        /// <summary>The local file, or the Redis server that $env:INTERVIEWTOOLS_LEDGER or config.yaml's ledger names.</summary>
        /// <exception cref="EngineSetupException">The setting is not a usable URL, or its server cannot be reached.</exception>
        private static ILedgerStore OpenLedger(InterviewToolsConfig config, Func<string, string?> environment, GeminiEndpoint endpoint, RouteLimits limits, TimeProvider time, IEngineLog log)
        {
            var setting = config.ResolveLedger(environment);
            if (setting == null) return new FileLedgerStore(FileLedgerStore.PathFor(StateDirectory.Resolve(environment), endpoint.BaseUrl), limits, time, log);
            var address = Address(setting, environment);
            try
            {
                return RedisLedgerStore.Open(address, endpoint.BaseUrl, limits, time, log);
            }
            catch (LedgerUnavailableException e)
            {
                throw new EngineSetupException(SetupProblem.LedgerUnreachable, e.Message, e);
            }
        }

        /// <summary>The Redis server that $env:INTERVIEWTOOLS_CACHE, config.yaml's cache or else the ledger setting names, or null.</summary>
        /// <exception cref="EngineSetupException">The setting is not a usable URL, or its server cannot be reached.</exception>
        private static ISharedResults? OpenSharedCache(InterviewToolsConfig config, Func<string, string?> environment, IEngineLog log)
        {
            var setting = config.ResolveCache(environment);
            if (setting == null) return null;
            var address = Address(setting, environment);
            try
            {
                return new RedisResults(RedisConnections.Connect(address), address.ToString(), log);
            }
            catch (LedgerUnavailableException e)
            {
                throw new EngineSetupException(SetupProblem.LedgerUnreachable, e.Message, e);
            }
        }

        private static RedisAddress Address(string setting, Func<string, string?> environment)
        {
            try
            {
                return RedisAddress.Parse(setting, environment);
            }
            catch (ArgumentException e)
            {
                throw new EngineSetupException(SetupProblem.BadLedgerSetting, e.Message, e);
            }
        }

        private static SummaryEngine Offline(EngineSettings settings, TimeProvider time, IEngineLog log, SummarizerOptions options, ResultCache cache) =>
            new SummaryEngine(settings, time, log, options, cache, PostSummaryProvider.Offline, null, null, null, settings.ThrottleLimit ?? EngineSettings.DefaultThrottleLimit);

        private static EngineSetupException NoApiKey() => new EngineSetupException(SetupProblem.NoApiKey, "No Gemini API key is available.");

        /// <summary>Reads a post file; its decoding warnings go to the log.</summary>
        /// <exception cref="PostReadException">The file is missing, a folder, empty, binary, too large or unreadable.</exception>
        public PostDocument ReadFile(string path) => Warned(PostReader.ReadFile(path));

        public PostDocument ReadText(string source, string text) => Warned(PostReader.ReadText(source, text));

        private PostDocument Warned(PostDocument post)
        {
            foreach (var warning in post.DecodingWarnings) _log.Warning(warning);
            return post;
        }

        /// <summary>The rough input tokens of the post's request, without the network.</summary>
        public long EstimateTokens(PostDocument post) => TokenEstimate.OfRequest(_options.Prompt, post.Body);

        /// <summary>Decides, without sending anything, whether the cache answers the post, whether it is too long, and what summarising it means.</summary>
        public PostPlan Plan(PostDocument post)
        {
            var tokens = EstimateTokens(post);
            if (!_settings.Force && _cache.TryGet(post, _cacheKey, out var cached, includeFallback: false))
            {
                _log.Verbose($"{post.Source}: from the result cache ({cached.Provider} {cached.Model}, summarized {cached.CompletedAt.ToLocalTime():g}); -Force summarizes it again.");
                _tally.Add(cached);
                return new PostPlan(post, tokens, string.Empty, cached, null);
            }
            if (Provider == PostSummaryProvider.Offline)
            {
                return new PostPlan(post, tokens, $"Summarize offline with the built-in extractive summarizer ({post.Body.Length:N0} characters; no network)", null, null);
            }
            var unsendable = Unsendable(post, tokens);
            if (unsendable != null) _tally.Refused();
            var action = unsendable != null
                ? $"Refuse as too long and send nothing ({unsendable.Message})"
                : $"Summarize with {string.Join(", ", _options.Models)} at {_endpoint} ({post.Body.Length:N0} characters, about {tokens:N0} input tokens)";
            return new PostPlan(post, tokens, action, null, unsendable);
        }

        /// <summary>Why no route could take the post (over every model's input limit, or every route's tokens-per-minute limit), or null.</summary>
        private PostReadException? Unsendable(PostDocument post, long tokens)
        {
            if (tokens > SummarizerOptions.FallbackInputTokenLimit)
            {
                return new PostReadException(post.Source, PostProblem.TooManyTokens, Message.Format(EngineMessages.PostTooManyTokens, post.Source, tokens, SummarizerOptions.FallbackInputTokenLimit));
            }
            return TooLongForEveryRoute(tokens) is { } overEveryRoute
                ? new PostReadException(post.Source, PostProblem.TooManyTokens, Message.Format(EngineMessages.PostOverEveryRoute, post.Source, overEveryRoute))
                : null;
        }

        /// <summary>
        /// Planning does not wait for a shared ledger that cannot answer: the post is then planned as sendable, and its reservation,
        /// which waits for the ledger within MaxWait and applies the same rule, refuses or defers it.
        /// </summary>
        private string? TooLongForEveryRoute(long tokens)
        {
            try
            {
                return Ledger.TooLongForEveryRoute(Routes(), tokens);
            }
            catch (LedgerUnavailableException)
            {
                return null;
            }
        }

        private LedgerState? SnapshotOrNull()
        {
            try
            {
                return Ledger.Snapshot();
            }
            catch (LedgerUnavailableException)
            {
                return null;
            }
        }

        /// <summary>Summarises a post to its final outcome: planned first, then reused, refused or summarised.</summary>
        public Task<SummaryOutcome> SummarizeAsync(PostDocument post, CancellationToken cancellationToken) => SummarizeAsync(Plan(post), cancellationToken);

        /// <summary>
        /// The final outcome of a planned post. A cached post comes back as its record; a Gemini deferral becomes the offline
        /// stand-in an earlier run kept, or a new one under -Fallback Offline; a finished summary is kept in the cache at once.
        /// </summary>
        public async Task<SummaryOutcome> SummarizeAsync(PostPlan plan, CancellationToken cancellationToken)
        {
            var post = plan.Post;
            if (plan.Cached != null) return SummaryOutcome.Kept(post, plan.Cached);
            if (plan.Unsendable != null)
            {
                var record = SummaryOutcome.Record(post, PostSummaryStatus.Failed);
                record.Provider = Provider;
                return new SummaryOutcome(post, record, new SummaryFailure(FailureKind.InputTooLong, plan.Unsendable.Message));
            }
            if (Provider == PostSummaryProvider.Offline)
            {
                var offline = OfflineSummarizer.Summarize(post, _time);
                Keep(offline);
                _tally.Add(offline.Summary);
                _log.Verbose($"{post.Source}: summarized offline in {offline.Summary.Duration.TotalMilliseconds:0.0} ms.");
                return offline;
            }

            var summarizer = StartRun();
            // Another machine may be sending this very post: its claim makes this one wait for its summary instead.
            var (claim, answered) = _settings.Force ? (null, null) : await _cache.ClaimAsync(post, _cacheKey, _options.MaxWait, cancellationToken).ConfigureAwait(false);
            if (answered != null)
            {
                _log.Verbose($"{post.Source}: summarized meanwhile by another process sharing {_cache.Shared!.Location}; taken from the cache.");
                return SummaryOutcome.Kept(post, answered);
            }
            SummaryOutcome outcome;
            using (claim)
            {
                outcome = await summarizer.SummarizeAsync(post, cancellationToken).ConfigureAwait(false);
                if (outcome.Summary.Status == PostSummaryStatus.Deferred) outcome = StandInFor(outcome);
                Keep(outcome);
            }
            var s = outcome.Summary;
            _tally.Add(s);
            if (s.Fallback || s.Status == PostSummaryStatus.Deferred) _deferrals.Add(s);
            if (s.Status == PostSummaryStatus.Deferred) _log.Verbose($"{post.Source}: {outcome.Failure?.Message}");
            else if (!outcome.StopsRun && !outcome.IsInputProblem) _log.Verbose($"{post.Source}: {s.Status} after {s.Attempts} attempt(s) in {s.Duration.TotalSeconds:0.00} s ({s.InputTokens} input, {s.CachedTokens} of them cached, {s.OutputTokens} output, {s.ThinkingTokens} thinking tokens; ${s.WouldCost:0.######} at the paid price, ${s.Cost:0.######} charged).");
            return outcome;
        }

        /// <summary>
        /// Builds the Gemini machinery once, on the first post that needs it, and says in the log what it will use. Later calls
        /// return the same summariser, so every post of a run shares one planner and one validated chain.
        /// </summary>
        public void Start() => StartRun();

        private PostSummarizer StartRun()
        {
            lock (_starting)
            {
                if (_summarizer != null) return _summarizer;
                if (Provider != PostSummaryProvider.Gemini) throw new InvalidOperationException("The offline summarizer needs no run.");
                var keys = _pool!.Keys;
                _planner = new RoutePlanner(keys, _options.Models, _ledger!, _time, _options.MaxWait);
                _log.Verbose($"Using {string.Join(" > ", _options.Models)} at {_endpoint} with {keys.Count} key(s) in {_planner.ProjectCount} project(s) " +
                    $"({string.Join(", ", keys)}); ledger {_ledger!.Location}; up to {ThrottleLimit} request(s) at once, waiting at most {_options.MaxWait.TotalSeconds:0} s for quota.");
                _summarizer = new PostSummarizer(new GeminiClient(GeminiHttp.Shared, _endpoint!), _planner, _options, _time, _log, _tally);
                return _summarizer;
            }
        }

        /// <summary>A deferred post keeps the offline stand-in an earlier run cached, or gets a new one with -Fallback Offline.</summary>
        private SummaryOutcome StandInFor(SummaryOutcome deferred)
        {
            if (!_settings.Force && _cache.TryGet(deferred.Post, _cacheKey, out var kept, includeFallback: true) && kept.Fallback)
            {
                kept.RetryAt = deferred.Summary.RetryAt;
                return SummaryOutcome.Kept(deferred.Post, kept);
            }
            return _settings.Fallback == PostSummaryFallback.Offline ? OfflineSummarizer.StandIn(deferred, _time) : deferred;
        }

        /// <summary>Keeps a finished summary in the cache the moment it finishes; a cache that cannot take it costs a rerun, not the summary.</summary>
        private void Keep(SummaryOutcome outcome)
        {
            try
            {
                _cache.Store(outcome, _cacheKey);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                _log.Warning($"{outcome.Post.Source}: the summary could not be kept in the cache ({e.Message}); a rerun will summarize it again.");
            }
        }

        /// <summary>The run's one warning about deferred posts and when to run again, or null.</summary>
        public string? DeferralSummary() => _planner == null ? null : _deferrals.Describe(_planner, _time.GetUtcNow());

        /// <summary>
        /// What the run did and spent so far: posts by final status, requests, 429s, retries and switches, tokens and cost, time
        /// and time spent waiting for quota, and each model's quota left today. <paramref name="unreadable"/> posts never reached the engine.
        /// </summary>
        public RunSummary RunSummary(int unreadable)
        {
            var quotaLeft = Array.Empty<RunSummaryQuota>();
            // A shared ledger lost mid-run leaves the quota left unknown; the rest of the summary still holds.
            if (Provider == PostSummaryProvider.Gemini && SnapshotOrNull() is { } state)
            {
                quotaLeft = QuotaForecast.Routes(state, _pool!.Keys, _planner?.Chain ?? _options.Models, Ledger.Limits, _time.GetUtcNow())
                    .GroupBy(r => r.Model, StringComparer.OrdinalIgnoreCase)
                    .Select(g => new RunSummaryQuota
                    {
                        Model = g.Key,
                        RequestsLeftToday = g.Any(r => r.RequestsLeftToday == null) ? (int?)null : g.Sum(r => r.RequestsLeftToday!.Value),
                        Source = g.Select(r => r.RequestsPerDayLimitSource).OrderBy(Certainty).First(),
                        ResetsAt = g.Min(r => r.ResetsAt),
                    })
                    .ToArray();
            }
            return _tally.Summary(unreadable, _startedAt, _time.GetUtcNow(), quotaLeft);
        }

        private static int Certainty(LimitSource source) => source switch
        {
            LimitSource.Server => 3,
            LimitSource.Configured => 2,
            LimitSource.Assumed => 1,
            _ => 0,
        };

        /// <summary>Every key × model of the ledger, from the ledger alone. Times are local.</summary>
        /// <exception cref="LedgerUnavailableException">A shared ledger store was lost since the engine opened.</exception>
        public IReadOnlyList<QuotaStatus> QuotaReport()
        {
            var rows = Rotation.QuotaReport.Build(Ledger.Snapshot(), _pool!.Keys, _options.Models, Ledger.Limits, _time.GetUtcNow());
            foreach (var row in rows) row.Ledger = Ledger.Location;
            return rows;
        }

        /// <summary>Removes what <paramref name="reset"/> selects from the ledger and returns how many entries it cleared.</summary>
        /// <exception cref="StateLockTimeoutException">Another process holds the ledger.</exception>
        /// <exception cref="LedgerUnavailableException">A shared ledger store was lost since the engine opened.</exception>
        public int ResetLedger(LedgerReset reset) => Ledger.Reset(reset);

        /// <summary>
        /// Lists the models again and checks the chain against the list. Null when that was done; otherwise why not: no key to
        /// list them with (<see cref="FailureKind.NoUsableKey"/>), or an endpoint that cannot be reached.
        /// </summary>
        public async Task<SummaryFailure?> RefreshModelsAsync(CancellationToken cancellationToken)
        {
            if (_pool == null || _pool.IsEmpty) return new SummaryFailure(FailureKind.NoUsableKey, "No API key is configured to list the models with.");
            var planner = new RoutePlanner(_pool.Keys, _options.Models, Ledger, _time, TimeSpan.Zero);
            var check = await ModelChain.ValidateAsync(new GeminiClient(GeminiHttp.Shared, _endpoint!), planner, TransientRetry.ForModelListing(_time), _time, _log, refresh: true, cancellationToken)
                .ConfigureAwait(false);
            return check.Failure;
        }

        /// <summary>
        /// What a batch would need and what today's quota offers, without sending anything: for each post whether the cache
        /// answers it and its estimated tokens, and for each route of the chain what is left today and the source of each limit.
        /// </summary>
        public BatchPlan PlanBatch(IEnumerable<PostDocument> posts)
        {
            var planned = new List<PlannedPost>();
            foreach (var post in posts)
            {
                var tokens = EstimateTokens(post);
                PostSummary? cached = null;
                var isCached = !_settings.Force && _cache.TryGet(post, _cacheKey, out cached, includeFallback: false);
                planned.Add(new PlannedPost(post, isCached ? cached : null, !isCached && Provider == PostSummaryProvider.Gemini && Unsendable(post, tokens) != null, tokens));
            }
            var routes = Provider == PostSummaryProvider.Gemini
                ? QuotaForecast.Routes(Ledger.Snapshot(), _pool!.Keys, _planner?.Chain ?? _options.Models, Ledger.Limits, _time.GetUtcNow())
                : Array.Empty<SummaryPlanRoute>();
            return new BatchPlan(planned, routes);
        }

        /// <summary>
        /// The plan Measure-PostSummary shows: the batch, today's routes, and the run replayed over a copy of the ledger (route
        /// choice, waits within MaxWait, deferrals, ThrottleLimit requests at once), with the cost at each model's paid price.
        /// No generate request is sent; as in a run, the chain is checked against models.list (kept for a day) and countTokens
        /// measures only a post whose estimate comes near a model's input limit.
        /// </summary>
        /// <param name="unreadable">Posts the caller could not read, for the totals.</param>
        public async Task<BatchMeasure> MeasureAsync(IReadOnlyList<PostDocument> posts, int unreadable, CancellationToken cancellationToken)
        {
            ChainCheck? chain = null;
            if (Provider == PostSummaryProvider.Gemini && posts.Count > 0)
            {
                chain = await StartRun().CheckChainAsync(cancellationToken).ConfigureAwait(false);
            }
            var batch = PlanBatch(posts);
            var tooLong = new List<PostReadException>();
            var send = new List<PlannedPost>();
            long inputTokens = 0;
            var counted = 0;
            foreach (var post in batch.Posts.Where(p => !p.Cached))
            {
                if (post.Unsendable)
                {
                    tooLong.Add(Unsendable(post.Post, post.EstimatedInputTokens)!);
                    continue;
                }
                var tokens = post.EstimatedInputTokens;
                if (chain != null && chain.Models.Count > 0)
                {
                    var measured = await _summarizer!.MeasureAsync(post.Post, chain.Models[0], chain.InputTokenLimit(chain.Models[0]), cancellationToken).ConfigureAwait(false);
                    if (measured.Counted is { } exact)
                    {
                        counted++;
                        tokens = exact;
                    }
                    if (measured.TooLong != null)
                    {
                        tooLong.Add(new PostReadException(post.Source, PostProblem.TooManyTokens, measured.TooLong.Message));
                        continue;
                    }
                }
                send.Add(post);
                inputTokens += tokens;
            }

            var (perPostOutput, basis) = Provider == PostSummaryProvider.Gemini ? OutputEstimate(batch.Posts) : (0, "the offline summarizer uses no tokens");
            var plan = new SummaryPlan
            {
                Provider = Provider,
                Posts = posts.Count + unreadable,
                Cached = batch.Cached,
                Unreadable = unreadable,
                ToSend = send.Count,
                EstimatedInputTokens = inputTokens,
                EstimatedOutputTokens = perPostOutput * send.Count,
                OutputTokensBasis = basis,
                CountedPosts = counted,
                ThrottleLimit = ThrottleLimit,
                AssumedRequestTime = Provider == PostSummaryProvider.Gemini ? AssumedRequestTime : TimeSpan.Zero,
                Routes = batch.Routes.ToArray(),
                FitsToday = true,
            };
            if (Provider == PostSummaryProvider.Gemini)
            {
                foreach (var index in Forecast(plan, send, perPostOutput, chain?.Models ?? _options.Models))
                {
                    var post = send[index];
                    tooLong.Add(new PostReadException(post.Source, PostProblem.TooManyTokens,
                        Message.Format(EngineMessages.PostOverEveryRouteTpm, post.Source, post.EstimatedInputTokens)));
                    plan.ToSend--;
                    plan.EstimatedInputTokens -= post.EstimatedInputTokens;
                    plan.EstimatedOutputTokens -= perPostOutput;
                }
            }
            plan.TooLong = tooLong.Count;
            return new BatchMeasure(plan, tooLong);
        }

        /// <summary>What one request is assumed to take for the makespan: a Flash answer to a post of a few thousand characters.</summary>
        public static readonly TimeSpan AssumedRequestTime = TimeSpan.FromSeconds(6);

        /// <summary>An answer's tokens are not known before it is given: assumed per post when no cached summary of the batch shows them.</summary>
        private const long AssumedOutputTokensPerPost = 600;

        private static (long PerPost, string Basis) OutputEstimate(IReadOnlyList<PlannedPost> posts)
        {
            var answered = posts.Select(p => p.Record).Where(r => r != null && r.Provider == PostSummaryProvider.Gemini && r.OutputTokens > 0).ToList();
            if (answered.Count == 0) return (AssumedOutputTokensPerPost, "assumed");
            var mean = (long)Math.Round(answered.Average(r => (double)r!.OutputTokens + r.ThinkingTokens));
            return (mean, $"the mean of {answered.Count} cached summaries");
        }

        /// <summary>Fills in the verdict and returns the indexes of the posts no route can take.</summary>
        private IReadOnlyList<int> Forecast(SummaryPlan plan, IReadOnlyList<PlannedPost> send, long outputPerPost, IReadOnlyList<string> chain)
        {
            var state = Ledger.Snapshot();
            var forecast = new QuotaForecast(state, _pool!.Keys, chain, Ledger.Limits);
            forecast.Run(send.Select(p => p.EstimatedInputTokens).ToList(), _time.GetUtcNow(), ThrottleLimit, _options.MaxWait, AssumedRequestTime);
            var models = new List<SummaryPlanModel>();
            foreach (var model in chain)
            {
                var price = _options.Prices.For(model);
                var row = new SummaryPlanModel { Model = model, PriceSource = price?.Source ?? string.Empty };
                foreach (var route in plan.Routes.Where(r => string.Equals(r.Model, model, StringComparison.OrdinalIgnoreCase)))
                {
                    var key = RouteUsage.KeyOf(route.Project, route.Model);
                    route.ExpectedPosts = forecast.Taken.TryGetValue(key, out var taken) ? taken : 0;
                    var tokens = forecast.TokensTaken.TryGetValue(key, out var sum) ? sum : 0;
                    var cost = price?.Of(tokens, 0, outputPerPost * route.ExpectedPosts, 0) ?? 0m;
                    row.Posts += route.ExpectedPosts;
                    row.WouldCost += cost;
                    if (route.Tier == ProjectTier.Paid) row.EstimatedCost += cost;
                }
                models.Add(row);
            }
            plan.Models = models.ToArray();
            plan.Deferred = forecast.Deferred;
            plan.DeferredUntil = forecast.DeferredUntil?.LocalDateTime;
            plan.EstimatedMakespan = forecast.Makespan;
            plan.EstimatedCost = models.Sum(m => m.EstimatedCost);
            plan.WouldCost = models.Sum(m => m.WouldCost);
            plan.FitsToday = forecast.Deferred > 0 ? false : forecast.ReliedOnUnknownDailyLimit ? (bool?)null : true;
            return forecast.Oversized;
        }

        /// <summary>Every key × model of the chain, as the planner would try them.</summary>
        private IReadOnlyList<Route> Routes() => _options.Models.SelectMany(model => _pool!.Keys.Select(key => new Route(key, model))).ToList();

        private ILedgerStore Ledger => _ledger ?? throw new InvalidOperationException("The offline summarizer keeps no quota ledger.");
    }
}
