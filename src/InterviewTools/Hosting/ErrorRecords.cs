using System;
using System.Management.Automation;
using InterviewTools.Engine.Policy;
using InterviewTools.Engine.Posts;
using InterviewTools.Engine.Summaries;
using InterviewTools.Resources;

namespace InterviewTools.Hosting
{
    /// <summary>Every error the module writes, each with a stable id and the category that fits it.</summary>
    internal static class ErrorRecords
    {
        public static ErrorRecord PathNotFound(string path, Exception cause) =>
            Create("PostNotFound", ErrorCategory.ObjectNotFound, path, Message.Format(HostingMessages.PathNotFound, path), HostingMessages.PathNotFoundAction, cause);

        public static ErrorRecord NoMatch(string path) =>
            Create("PostNotFound", ErrorCategory.ObjectNotFound, path, Message.Format(HostingMessages.NoFileMatches, path), HostingMessages.NoFileMatchesAction);

        public static ErrorRecord PathLooksLikeText(string path) =>
            Create("PathLooksLikeText", ErrorCategory.InvalidArgument, path, HostingMessages.PathLooksLikeText, HostingMessages.PathLooksLikeTextAction);

        public static string LinesPipedAsPathsHint(int count) => Message.Format(HostingMessages.LinesPipedAsPathsHint, count);

        public static ErrorRecord PathNotFileSystem(string path, string providerName) =>
            Create("PathNotFileSystem", ErrorCategory.InvalidArgument, path,
                $"'{path}' is on the {providerName} provider; posts and exports must be files on the FileSystem provider.", "Give a file system path.");

        public static ErrorRecord BadPost(PostReadException e) => e.Problem switch
        {
            PostProblem.NotFound => Create("PostNotFound", ErrorCategory.ObjectNotFound, e.PostSource, e.Message, HostingMessages.PostNotFoundAction),
            PostProblem.IsDirectory => Create("PostIsDirectory", ErrorCategory.InvalidType, e.PostSource, e.Message, HostingMessages.PostIsDirectoryAction),
            PostProblem.Empty => Create("PostEmpty", ErrorCategory.InvalidData, e.PostSource, e.Message, HostingMessages.PostEmptyAction),
            PostProblem.Binary => Create("PostIsBinary", ErrorCategory.InvalidData, e.PostSource, e.Message, HostingMessages.PostIsBinaryAction),
            PostProblem.TooLarge => Create("PostTooLarge", ErrorCategory.LimitsExceeded, e.PostSource, e.Message, HostingMessages.PostTooLargeAction),
            PostProblem.TooManyTokens => Create("PostTooLong", ErrorCategory.LimitsExceeded, e.PostSource, e.Message, HostingMessages.PostTooLongAction),
            _ => Create("PostUnreadable", ErrorCategory.ReadError, e.PostSource, e.Message, HostingMessages.PostUnreadableAction, e),
        };

        public static ErrorRecord FailedSummary(string source, SummaryFailure failure)
        {
            var (id, category, action) = Classify(failure);
            return Create(id, category, source, $"'{source}': {failure.Message}", action);
        }

        /// <summary>
        /// A failure that stops the run (no usable key, no usable model) is about the keys and the chain, not about the post that
        /// happened to meet it first: the record has no target object and its message names no post.
        /// </summary>
        public static ErrorRecord RunStopped(SummaryFailure failure)
        {
            var (id, category, action) = Classify(failure);
            return Create(id, category, null, failure.Message, action, failure.Cause);
        }

        private static (string Id, ErrorCategory Category, string Action) Classify(SummaryFailure failure) =>
            failure.Kind switch
            {
                FailureKind.PromptBlocked => ("SummaryPromptBlocked", ErrorCategory.InvalidResult, HostingMessages.SummaryPromptBlockedAction),
                FailureKind.ResponseBlocked => ("SummaryResponseBlocked", ErrorCategory.InvalidResult, HostingMessages.SummaryResponseBlockedAction),
                FailureKind.AnswerTruncated => ("SummaryAnswerTruncated", ErrorCategory.InvalidResult, HostingMessages.SummaryAnswerTruncatedAction),
                FailureKind.EmptyAnswer => ("SummaryEmptyAnswer", ErrorCategory.InvalidResult, HostingMessages.SummaryEmptyAnswerAction),
                FailureKind.InvalidAnswer => ("SummaryInvalidAnswer", ErrorCategory.InvalidResult, HostingMessages.SummaryInvalidAnswerAction),
                FailureKind.InputTooLong => ("PostTooLong", ErrorCategory.LimitsExceeded, HostingMessages.PostTooLongAction),
                FailureKind.QuotaExhausted => ("GeminiQuotaExhausted", ErrorCategory.QuotaExceeded, HostingMessages.QuotaExhaustedAction),
                FailureKind.KeyRejected => ("GeminiKeyRejected", ErrorCategory.AuthenticationError, HostingMessages.GeminiKeyRejectedAction),
                FailureKind.KeyTypeUnsupported => ("GeminiKeyTypeUnsupported", ErrorCategory.AuthenticationError, HostingMessages.GeminiKeyTypeUnsupportedAction),
                FailureKind.ModelNotFound => ("GeminiModelNotFound", ErrorCategory.ObjectNotFound, HostingMessages.GeminiModelNotFoundAction),
                FailureKind.NoUsableKey => ("GeminiNoUsableKey", ErrorCategory.AuthenticationError, HostingMessages.GeminiNoUsableKeyAction),
                FailureKind.NoUsableModel => ("GeminiNoUsableModel", ErrorCategory.ObjectNotFound, HostingMessages.GeminiNoUsableModelAction),
                FailureKind.InvalidRequest => ("GeminiRequestRejected", ErrorCategory.InvalidArgument, HostingMessages.GeminiRequestRejectedAction),
                FailureKind.ServerError => ("GeminiServerError", ErrorCategory.ResourceUnavailable, HostingMessages.GeminiServerErrorAction),
                FailureKind.TimedOut => ("GeminiTimeout", ErrorCategory.OperationTimeout, HostingMessages.GeminiTimeoutAction),
                FailureKind.EndpointUnreachable => ("GeminiEndpointUnreachable", ErrorCategory.ConnectionError, HostingMessages.GeminiEndpointUnreachableAction),
                _ => ("GeminiConnectionFailed", ErrorCategory.ConnectionError, HostingMessages.GeminiConnectionFailedAction),
            };

        public static ErrorRecord NoApiKey() =>
            Create("ApiKeyMissing", ErrorCategory.AuthenticationError, null, HostingMessages.ApiKeyMissing, HostingMessages.ApiKeyMissingAction);

        public static ErrorRecord ConfigProblem(string configFile, string problem) =>
            Create("ConfigEntryInvalid", ErrorCategory.InvalidData, configFile, problem, HostingMessages.ConfigEntryInvalidAction);

        public static ErrorRecord NoApiKeyToRefresh() =>
            Create("ApiKeyMissing", ErrorCategory.AuthenticationError, null,
                "-Refresh lists the models with a key, and none is configured; the rows below come from the ledger alone.",
                "Set $env:GEMINI_API_KEY or $env:GEMINI_API_KEYS, or add keys to the config file.");

        public static ErrorRecord ResetNeedsATarget() =>
            Create("ResetTargetMissing", ErrorCategory.InvalidArgument, null,
                "Reset-QuotaStatus needs -KeyId, -Project or -Model, or -All to clear everything.", "Name what to reset, e.g. Reset-QuotaStatus -Model gemini-3.5-flash.");

        public static ErrorRecord ResetTargetNotFound(string parameter, string value, string ledger) =>
            Create("ResetTargetNotFound", ErrorCategory.ObjectNotFound, value,
                $"No {Noun(parameter)} '{value}' is in the quota ledger {ledger} or the configuration (-{parameter}).", "Run Get-QuotaStatus to see the keys, projects and models it knows.");

        private static string Noun(string parameter) => parameter switch { "KeyId" => "key", "Project" => "project", _ => "model" };

        public static ErrorRecord Setup(Engine.EngineSetupException e) => e.Problem switch
        {
            Engine.SetupProblem.NoApiKey => NoApiKey(),
            Engine.SetupProblem.BadLedgerSetting => Create("LedgerSettingInvalid", ErrorCategory.InvalidArgument, null, e.Message, HostingMessages.LedgerSettingInvalidAction, e),
            Engine.SetupProblem.LedgerUnreachable => LedgerUnreachable(e.Message, e),
            _ => BadEndpoint(e.Message),
        };

        /// <summary>A shared ledger store that answered when the command started is gone; the message names it without its password.</summary>
        public static ErrorRecord LedgerLost(Engine.Rotation.LedgerUnavailableException e) => LedgerUnreachable(e.Message, e);

        private static ErrorRecord LedgerUnreachable(string message, Exception e) =>
            Create("LedgerStoreUnreachable", ErrorCategory.ConnectionError, null, message, HostingMessages.LedgerStoreUnreachableAction, e);

        public static ErrorRecord BadEndpoint(string message) =>
            Create("GeminiBaseUrlInvalid", ErrorCategory.InvalidArgument, null, message, "Fix or remove $env:GOOGLE_GEMINI_BASE_URL.");

        public static ErrorRecord Unexpected(string source, Exception e) => e is Engine.State.StateLockTimeoutException locked
            ? StateLocked(source, locked)
            : e is Engine.Rotation.LedgerUnavailableException lost ? LedgerLost(lost)
            : Create("SummaryCrashed", ErrorCategory.NotSpecified, source, $"'{source}': {e.GetType().Name}: {e.Message}", "Report this with the post that caused it.", e);

        public static ErrorRecord StateLocked(object target, Engine.State.StateLockTimeoutException e) =>
            Create("StateFileLocked", ErrorCategory.ResourceBusy, target, e.Message, "Wait for the other InterviewTools command to finish, or delete the .lock file if none is running.", e);

        public static ErrorRecord FileExists(string path) =>
            Create("NoClobber", ErrorCategory.ResourceExists, path, $"The file '{path}' already exists and -NoClobber was given.", "Drop -NoClobber, add -Append, or choose another path.");

        public static ErrorRecord CannotOpen(string path, Exception e) =>
            Create("ExportOpenFailed", ErrorCategory.OpenError, path, $"Cannot open '{path}' for writing: {e.Message}", "Check the folder exists and the file is not read-only (or use -Force).", e);

        public static ErrorRecord NotAnObject(object item) =>
            Create("ExportInputNotAnObject", ErrorCategory.InvalidType, item,
                $"Export-PostSummary writes objects with properties, not a bare {item.GetType().Name}.", "Pipe objects such as the output of Invoke-PostSummary or [pscustomobject]@{...}.");

        public static ErrorRecord CannotReadObject(object item, Exception e) =>
            Create("ExportInputUnreadable", ErrorCategory.ReadError, item,
                $"Export-PostSummary could not read the properties of a {item.GetType().Name}: {e.GetType().Name}: {e.Message}", "Select the properties you need first, e.g. with Select-Object.", e);

        public static ErrorRecord AmbiguousPath(string path) =>
            Create("ExportPathAmbiguous", ErrorCategory.InvalidArgument, path, $"'{path}' matches more than one file.", "Name one file, or use -LiteralPath.");

        public static ErrorRecord CannotWrite(string path, Exception e) =>
            Create("ExportWriteFailed", ErrorCategory.WriteError, path, $"Cannot write to '{path}': {e.Message}", "Check free disk space and permissions.", e);

        public static ErrorRecord ImportFileNotFound(string path, string message) =>
            Create("ImportFileNotFound", ErrorCategory.ObjectNotFound, path, message, "Check the path; relative paths follow the current PowerShell location.");

        public static ErrorRecord ImportPathIsDirectory(string path) =>
            Create("ImportPathIsDirectory", ErrorCategory.InvalidType, path, $"'{path}' is a directory, not a YAML file.", "Pipe files, e.g. Get-ChildItem -Filter *.yaml -File.");

        public static ErrorRecord ImportReadFailed(string path, Exception e) =>
            Create("ImportReadFailed", ErrorCategory.ReadError, path, $"Cannot read '{path}': {e.Message}", "Check the file's permissions.", e);

        public static ErrorRecord ImportYamlInvalid(string path, int document, string problem) =>
            Create("ImportYamlInvalid", ErrorCategory.InvalidData, path, $"'{path}', document {document}: not valid YAML, {problem}.",
                "Fix or remove that document; the other documents were imported.");

        public static ErrorRecord ImportFileNotYaml(string path, string problem) =>
            Create("ImportFileNotYaml", ErrorCategory.InvalidData, path, $"'{path}' is not a YAML file of objects: {problem}. Nothing was imported from it.",
                "Import files written by Export-PostSummary; read JSON with ConvertFrom-Json and CSV with Import-Csv.");

        public static ErrorRecord ImportDocumentCutShort(string path, int document, string problem) =>
            Create("ImportDocumentCutShort", ErrorCategory.InvalidData, path, $"'{path}', document {document}: {problem}.",
                "Summarise that post again; the other documents were imported.");

        public static ErrorRecord ImportNotAPostSummary(string path, int document, string problem) =>
            Create("ImportNotAPostSummary", ErrorCategory.InvalidData, path, $"'{path}', document {document}: {problem}.",
                "Import only files written by Export-PostSummary from PostSummary objects; the other documents were imported.");

        public static ErrorRecord CacheEntryNotFound(string source, string cacheFolder) =>
            Create("PostSummaryCacheEntryNotFound", ErrorCategory.ObjectNotFound, source,
                $"No cached summary has the source '{source}' in {cacheFolder}.", "Run Get-PostSummaryCache to see the cached sources, or use a wildcard such as '*name*'.");

        public static ErrorRecord NotACacheEntry(string path, string cacheFolder) =>
            Create("PostSummaryCacheEntryInvalid", ErrorCategory.InvalidArgument, path,
                $"'{path}' is not an entry of the result cache in {cacheFolder}; it was left alone.", "Pipe the output of Get-PostSummaryCache, with the same INTERVIEWTOOLS_STATE_DIR.");

        public static ErrorRecord CacheEntryNotRemoved(string path, Exception e) =>
            Create("PostSummaryCacheRemoveFailed", ErrorCategory.WriteError, path, $"Cannot remove the cached summary '{path}': {e.Message}", "Check the permissions of the cache folder.", e);

        public static ErrorRecord CacheUnreadable(string cacheFolder, Exception e) =>
            Create("PostSummaryCacheUnreadable", ErrorCategory.ReadError, cacheFolder, $"Cannot read the result cache in {cacheFolder}: {e.Message}", "Check the permissions of the folder, or point INTERVIEWTOOLS_STATE_DIR elsewhere.", e);

        /// <summary>
        /// A record keeps its cause: a framework exception (IOException, ItemNotFoundException, …) is the record's own exception,
        /// so <c>catch [System.IO.IOException]</c> works; anything else is the inner exception of a PostSummaryException that
        /// carries the module's message. Either way the message shown is the module's.
        /// </summary>
        private static ErrorRecord Create(string id, ErrorCategory category, object? target, string message, string recommendedAction, Exception? cause = null) =>
            new ErrorRecord(cause != null && IsFrameworkException(cause) ? cause : new PostSummaryException(message, cause), id, category, target)
            {
                ErrorDetails = new ErrorDetails(message) { RecommendedAction = recommendedAction },
            };

        private static bool IsFrameworkException(Exception e)
        {
            var ns = e.GetType().Namespace ?? string.Empty;
            return ns == "System" || ns.StartsWith("System.", StringComparison.Ordinal);
        }
    }
}
