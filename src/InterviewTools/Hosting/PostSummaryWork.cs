using System;
using System.Globalization;
using System.Management.Automation;
using InterviewTools.Engine.Gemini;
using InterviewTools.Engine.Posts;
using InterviewTools.Engine.Summaries;

namespace InterviewTools.Hosting
{
    /// <summary>Everything Invoke-PostSummary does between binding and writing: read, validate, confirm, and hand posts to the runner.</summary>
    internal sealed class PostSummaryWork : IDisposable
    {
        private readonly PSCmdlet _cmdlet;
        private readonly int _throttleLimit;
        private readonly SummarizerOptions _options;
        private readonly GeminiSetup? _gemini;
        private readonly OfflineRun? _offline;
        private readonly bool _fallbackOffline;
        private readonly CachedResults _cache;
        private SummaryRunner? _runner;
        private int _textCount;

        public PostSummaryWork(PSCmdlet cmdlet, PostSummarySettings settings)
        {
            _cmdlet = cmdlet;
            _options = new SummarizerOptions
            {
                RequestTimeout = TimeSpan.FromSeconds(settings.TimeoutSec),
                MaxRetries = settings.MaxRetryCount,
            };
            if (settings.Prompt != null) _options.Prompt = settings.Prompt;
            if (settings.Provider == PostSummaryProvider.Offline)
            {
                (_cache, _offline) = Offline(settings);
                return;
            }
            var explicitKeys = settings.ApiKey == null ? null : ApiKeySource.Reveal(settings.ApiKey);
            if (explicitKeys != null && explicitKeys.Count == 0) cmdlet.ThrowTerminatingError(ErrorRecords.NoApiKey());
            var gemini = GeminiSetup.Resolve(cmdlet, explicitKeys, settings.Models);
            if (!gemini.HasKeys)
            {
                if (settings.Provider == PostSummaryProvider.Gemini) cmdlet.ThrowTerminatingError(ErrorRecords.NoApiKey());
                cmdlet.WriteWarning(
                    "No Gemini API key is configured, so posts are summarized offline by the built-in extractive summarizer (Provider Offline). " +
                    $"For Gemini's summaries set $env:GEMINI_API_KEY (or $env:GEMINI_API_KEYS for several keys), or add keys to {Engine.State.StateDirectory.ConfigFile()}.");
                (_cache, _offline) = Offline(settings);
                return;
            }
            _cache = new CachedResults(PostSummaryProvider.Gemini, _options.Prompt, settings.Force);
            _gemini = gemini;
            _fallbackOffline = settings.Fallback == PostSummaryFallback.Offline;
            _options.Models = gemini.Chain;
            _throttleLimit = settings.ThrottleLimit ?? gemini.Config.ThrottleLimit ?? PostSummarySettings.DefaultThrottleLimit;
            var maxWaitSec = settings.MaxWaitSec ?? gemini.Config.MaxWaitSec;
            if (maxWaitSec != null) _options.MaxWait = TimeSpan.FromSeconds(maxWaitSec.Value);
        }

        private (CachedResults, OfflineRun) Offline(PostSummarySettings settings)
        {
            var cache = new CachedResults(PostSummaryProvider.Offline, _options.Prompt, settings.Force);
            return (cache, new OfflineRun(_cmdlet, cache));
        }

        public void SummarizeFiles(string path, bool literal)
        {
            if (!literal && path.IndexOf('\n') >= 0)
            {
                _cmdlet.WriteError(ErrorRecords.PathLooksLikeText(path));
                return;
            }
            var files = PathHelper.ResolveExisting(_cmdlet, path, literal);
            if (files == null) return;
            foreach (var file in files) Summarize(() => PostReader.ReadFile(file), file);
        }

        public void SummarizeText(string text)
        {
            _textCount++;
            var source = "text:" + _textCount.ToString(CultureInfo.InvariantCulture);
            Summarize(() => PostReader.ReadText(source, text), source);
        }

        public void Finish()
        {
            _offline?.Finish();
            _runner?.Finish();
            _cache.WriteWarnings(_cmdlet);
        }

        public void Stop() => _runner?.Stop();

        public void Dispose() => _runner?.Dispose();

        private void Summarize(Func<PostDocument> read, string source)
        {
            PostDocument post;
            try
            {
                post = read();
            }
            catch (PostReadException e)
            {
                _cmdlet.WriteError(ErrorRecords.BadPost(e));
                return;
            }
            foreach (var warning in post.DecodingWarnings) _cmdlet.WriteWarning(warning);
            var reused = _cache.TryReuse(post, out var cached);
            _cache.WriteWarnings(_cmdlet);
            if (reused)
            {
                _cmdlet.WriteVerbose($"{source}: from the result cache ({cached!.Provider} {cached.Model}, summarized {cached.CompletedAt.ToLocalTime():g}); -Force summarizes it again.");
                _cmdlet.WriteObject(cached);
                return;
            }
            if (_offline != null)
            {
                if (_cmdlet.ShouldProcess(source, $"Summarize offline with the built-in extractive summarizer ({post.Body.Length:N0} characters; no network)")) _offline.Summarize(post);
                return;
            }
            var gemini = _gemini!;

            var roughTokens = TokenEstimate.Rough(SummaryPrompt.SystemInstruction(_options.Prompt)) + TokenEstimate.Rough(post.Body);
            if (roughTokens > SummarizerOptions.FallbackInputTokenLimit)
            {
                _cmdlet.WriteError(ErrorRecords.BadPost(new PostReadException(source, PostProblem.TooManyTokens,
                    $"'{source}' has about {roughTokens:N0} input tokens; Gemini models accept at most {SummarizerOptions.FallbackInputTokenLimit:N0}.")));
                return;
            }
            var action = $"Summarize with {string.Join(", ", _options.Models)} at {gemini.Endpoint} ({post.Body.Length:N0} characters, about {roughTokens:N0} input tokens)";
            if (!_cmdlet.ShouldProcess(source, action)) return;

            _runner ??= new SummaryRunner(_cmdlet, gemini, _options, _throttleLimit, _fallbackOffline, _cache);
            _runner.Submit(post);
        }
    }
}
