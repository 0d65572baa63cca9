using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using InterviewTools.Engine.Gemini;
using InterviewTools.Engine.Rotation;
using InterviewTools.Engine.Security;
using InterviewTools.Engine.State;
using InterviewTools.Engine.Summaries;

namespace InterviewTools.Hosting
{
    /// <summary>Everything a Gemini run needs, resolved once from parameters, environment and config: endpoint, key pool, model chain, limits and ledger.</summary>
    internal sealed class GeminiSetup
    {
        private GeminiSetup(GeminiEndpoint endpoint, IReadOnlyList<PooledKey> keys, IReadOnlyList<string> chain, Ledger ledger)
        {
            Endpoint = endpoint;
            Keys = keys;
            Chain = chain;
            Ledger = ledger;
        }

        public GeminiEndpoint Endpoint { get; }
        public IReadOnlyList<PooledKey> Keys { get; }
        public IReadOnlyList<string> Chain { get; }
        public Ledger Ledger { get; }

        public bool HasKeys => Keys.Count > 0;

        public static GeminiSetup Resolve(PSCmdlet cmdlet, IReadOnlyList<string>? explicitKeys, IReadOnlyList<string>? models, Action<string> warn)
        {
            GeminiEndpoint endpoint;
            try
            {
                endpoint = GeminiEndpoint.FromEnvironment();
            }
            catch (ArgumentException e)
            {
                cmdlet.ThrowTerminatingError(ErrorRecords.BadEndpoint(e.Message));
                throw;
            }
            var keys = InterimKeyPool(explicitKeys);
            var chain = models != null && models.Count > 0 ? models.Select(ModelId.Bare).Distinct(StringComparer.OrdinalIgnoreCase).ToList() : ModelCatalog.DefaultChain;
            var stateDirectory = StateDirectory.Resolve();
            var ledger = new Ledger(Ledger.PathFor(stateDirectory, endpoint.BaseUrl), new RouteLimits(), TimeProvider.System, warn);
            return new GeminiSetup(endpoint, keys, chain, ledger);
        }

        private static IReadOnlyList<PooledKey> InterimKeyPool(IReadOnlyList<string>? explicitKeys)
        {
            if (explicitKeys != null) return explicitKeys.Select(k => new PooledKey(ApiKey.FromPlainText(k), null, "-ApiKey")).ToList();
            foreach (var variable in new[] { "GEMINI_API_KEY", "GOOGLE_API_KEY" })
            {
                var value = Environment.GetEnvironmentVariable(variable);
                if (!string.IsNullOrWhiteSpace(value)) return new[] { new PooledKey(ApiKey.FromPlainText(value), null, "$env:" + variable) };
            }
            return Array.Empty<PooledKey>();
        }
    }
}
