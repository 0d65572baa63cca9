using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using InterviewTools.Engine.Common;
using InterviewTools.Engine.Gemini;
using InterviewTools.Engine.Policy;
using InterviewTools.Engine.Rotation;
using InterviewTools.Engine.Summaries;
using Polly;

namespace InterviewTools.Engine.Summaries
{
    /// <summary>
    /// Checks the chain against models.list (kept in the ledger for a day) and the retired models the ledger remembers,
    /// so no run ever sends a request to a model the API does not offer — the legacy script's fatal fallback.
    /// </summary>
    internal static class ModelChain
    {
        public static readonly TimeSpan ListingLifetime = TimeSpan.FromDays(1);

        public static async Task<ChainCheck> ValidateAsync(GeminiClient client, RoutePlanner planner, ResiliencePipeline pipeline, TimeProvider time,
            IEngineLog log, bool refresh, CancellationToken cancellationToken)
        {
            var snapshot = planner.Snapshot();
            var listing = snapshot.Listing;
            if (refresh || listing == null || time.GetUtcNow() - listing.FetchedAt > ListingLifetime)
            {
                try
                {
                    listing = await ListAsync(client, planner, pipeline, time, log, refresh ? null : listing, cancellationToken).ConfigureAwait(false) ?? (refresh ? null : listing);
                }
                catch (GeminiTransportException e) when (e.Unreachable != null)
                {
                    // Every later request would meet the same closed door: the run stops here, before any post is sent.
                    return ChainCheck.Unreachable(FailureClassifier.Classify(e, TimeSpan.Zero));
                }
                snapshot = planner.Snapshot();
            }
            var usable = new List<string>();
            foreach (var model in planner.Chain)
            {
                if (snapshot.RetiredModels.TryGetValue(model, out var retired))
                {
                    log.Warning($"{model} is skipped: it was found retired on {retired.At.LocalDateTime:g} ({retired.Reason}). Reset-QuotaStatus -Model {model} forgets that.");
                }
                else if (listing != null && !listing.InputTokenLimits.ContainsKey(model))
                {
                    log.Warning($"{model} is dropped from the model chain: the API does not list it (models.list).");
                }
                else
                {
                    usable.Add(model);
                }
            }
            planner.UseChain(usable);
            return new ChainCheck(usable, listing);
        }

        private static async Task<ModelListing?> ListAsync(GeminiClient client, RoutePlanner planner, ResiliencePipeline pipeline, TimeProvider time,
            IEngineLog log, ModelListing? previous, CancellationToken cancellationToken)
        {
            var disabled = planner.Snapshot().Keys;
            foreach (var key in planner.Keys)
            {
                if (disabled.TryGetValue(key.Key.Fingerprint, out var record) && record.Disabled != null) continue;
                try
                {
                    var models = await pipeline.ExecuteAsync(token => new ValueTask<IReadOnlyList<Gemini.Wire.ModelInfo>>(client.ListModelsAsync(key.Key, token)), cancellationToken).ConfigureAwait(false);
                    var listing = new ModelListing { FetchedAt = time.GetUtcNow() };
                    foreach (var model in models.Where(m => m.SupportedGenerationMethods == null || m.SupportedGenerationMethods.Contains("generateContent")))
                    {
                        listing.InputTokenLimits[model.Id] = model.InputTokenLimit;
                        listing.OutputTokenLimits[model.Id] = model.OutputTokenLimit;
                    }
                    planner.SaveListing(listing);
                    return listing;
                }
                catch (GeminiApiException e) when (FailureClassifier.Verdict(e.Error) is { Action: RotationAction.DisableKey } verdict)
                {
                    var reason = verdict.Reason;
                    planner.DisableKey(key, reason);
                    log.Warning($"Key {key.Key.Fingerprint} ({key.Origin}) is set aside: {reason}");
                }
                catch (Exception e) when (FailureClassifier.IsServiceFailure(e) && !(e is GeminiTransportException { Unreachable: { } }))
                {
                    log.Warning(previous == null
                        ? $"Could not list the models ({e.Message}); the chain {string.Join(", ", planner.Chain)} is used unchecked."
                        : $"Could not list the models ({e.Message}); the chain is checked against the list read {previous.FetchedAt.ToLocalTime():g}.");
                    return null;
                }
            }
            return null;
        }
    }

    internal sealed class ChainCheck
    {
        public ChainCheck(IReadOnlyList<string> models, ModelListing? listing, SummaryFailure? failure = null)
        {
            Models = models;
            Listing = listing;
            Failure = failure;
        }

        public IReadOnlyList<string> Models { get; }
        public ModelListing? Listing { get; }

        /// <summary>Why no post can be sent at all (the endpoint cannot be reached), or null.</summary>
        public SummaryFailure? Failure { get; }

        public static ChainCheck Unreachable(SummaryFailure failure) => new ChainCheck(Array.Empty<string>(), null, failure);

        /// <summary>
        /// The maxOutputTokens for the one retry after a MAX_TOKENS answer: twice <paramref name="used"/>, within the model's
        /// outputTokenLimit when models.list gave it; null when the model cannot give more than it was allowed.
        /// </summary>
        public int? LargerOutput(string model, int used)
        {
            var larger = (int)Math.Min(int.MaxValue, 2L * used);
            if (Listing != null && Listing.OutputTokenLimits.TryGetValue(model, out var limit) && limit > 0) larger = Math.Min(larger, limit);
            return larger > used ? larger : (int?)null;
        }

        public int InputTokenLimit(string model) =>
            Listing != null && Listing.InputTokenLimits.TryGetValue(model, out var limit) && limit > 0 ? limit : SummarizerOptions.FallbackInputTokenLimit;
    }
}
