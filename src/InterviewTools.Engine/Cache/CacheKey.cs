using System;
using InterviewTools.Engine.Common;
using InterviewTools.Engine.Summaries;

namespace InterviewTools.Engine.Cache
{
    /// <summary>
    /// What, besides the post, decides a summary: the effective prompt, the schema version and the provider family.
    /// Any Gemini model's answer serves any Gemini run, so the model itself is not part of the key; an offline summary is a different thing.
    /// </summary>
    internal sealed class CacheKey
    {
        public CacheKey(string prompt, PostSummaryProvider provider, int schemaVersion)
        {
            PromptHash = Sha256.Hex(SummaryPrompt.SystemInstruction(prompt ?? throw new ArgumentNullException(nameof(prompt))));
            SchemaVersion = schemaVersion;
            Family = provider.ToString().ToLowerInvariant();
        }

        /// <summary>The key for this version of the schema: the one every run uses.</summary>
        public static CacheKey For(string prompt, PostSummaryProvider provider) => new CacheKey(prompt, provider, SummarySchema.Version);

        /// <summary>SHA-256 of the whole system instruction, so a change to the answer rules also invalidates old summaries.</summary>
        public string PromptHash { get; }

        public int SchemaVersion { get; }

        /// <summary>"gemini" or "offline": the provider the run asked for, whichever provider then answered.</summary>
        public string Family { get; }

        /// <summary>The entry's file name stem: one hash over every part, so no part can be confused with another.</summary>
        internal string EntryId(string contentHash) => Sha256.Hex($"interviewtools-cache-1\n{contentHash}\n{PromptHash}\n{SchemaVersion}\n{Family}");

        internal bool Matches(CacheEntry entry, string contentHash) =>
            entry.ContentHash == contentHash && entry.PromptHash == PromptHash && entry.SchemaVersion == SchemaVersion && entry.Family == Family;
    }
}
