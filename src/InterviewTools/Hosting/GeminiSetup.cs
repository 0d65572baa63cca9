using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using InterviewTools.Engine.Config;
using InterviewTools.Engine.Gemini;
using InterviewTools.Engine.Rotation;
using InterviewTools.Engine.State;

namespace InterviewTools.Hosting
{
    /// <summary>
    /// Everything a Gemini run needs, resolved once: parameters first, then the environment, then config.yaml, then the
    /// built-in defaults. Reading the config file reports its mistakes and keeps going with what is valid.
    /// </summary>
    internal sealed class GeminiSetup
    {
        private readonly ConcurrentQueue<string> _ledgerWarnings;

        private GeminiSetup(InterviewToolsConfig config, GeminiEndpoint endpoint, KeyPool pool, IReadOnlyList<string> chain, FileLedgerStore ledger, ConcurrentQueue<string> ledgerWarnings)
        {
            _ledgerWarnings = ledgerWarnings;
            Config = config;
            Endpoint = endpoint;
            Pool = pool;
            Chain = chain;
            Ledger = ledger;
        }

        public InterviewToolsConfig Config { get; }
        public GeminiEndpoint Endpoint { get; }
        public KeyPool Pool { get; }
        public IReadOnlyList<PooledKey> Keys => Pool.Keys;
        public IReadOnlyList<string> Chain { get; }
        public FileLedgerStore Ledger { get; }
        public bool HasKeys => !Pool.IsEmpty;

        public static GeminiSetup Resolve(PSCmdlet cmdlet, IReadOnlyList<string>? explicitKeys, IReadOnlyList<string>? models)
        {
            Func<string, string?> environment = Environment.GetEnvironmentVariable;
            var configFile = StateDirectory.ConfigFile(environment);
            var loaded = ConfigLoader.Load(configFile, environment);
            foreach (var problem in loaded.Problems) cmdlet.WriteError(ErrorRecords.ConfigProblem(configFile, problem));
            foreach (var warning in loaded.Warnings) cmdlet.WriteWarning(warning);
            var config = loaded.Config;

            GeminiEndpoint endpoint;
            try
            {
                endpoint = config.ResolveEndpoint(environment);
            }
            catch (ArgumentException e)
            {
                cmdlet.ThrowTerminatingError(ErrorRecords.BadEndpoint(e.Message));
                throw;
            }
            var pool = KeyPoolBuilder.Build(explicitKeys, environment, config);
            foreach (var note in pool.Notes) cmdlet.WriteVerbose(note);
            foreach (var warning in pool.Warnings) cmdlet.WriteWarning(warning);
            var chain = config.ResolveModels(models?.Select(ModelId.Bare).Distinct(StringComparer.OrdinalIgnoreCase).ToList());
            var limits = new RouteLimits(config.Limits, config.BuiltInLimits);
            var ledgerWarnings = new ConcurrentQueue<string>();
            var ledger = new FileLedgerStore(FileLedgerStore.PathFor(StateDirectory.Resolve(environment), endpoint.BaseUrl), limits, TimeProvider.System, ledgerWarnings.Enqueue);
            return new GeminiSetup(config, endpoint, pool, chain, ledger, ledgerWarnings);
        }

        /// <summary>The ledger may warn on a worker thread (a corrupt file set aside); the pipeline thread writes those warnings here.</summary>
        public void WriteLedgerWarnings(PSCmdlet cmdlet)
        {
            while (_ledgerWarnings.TryDequeue(out var warning)) cmdlet.WriteWarning(warning);
        }
    }
}
