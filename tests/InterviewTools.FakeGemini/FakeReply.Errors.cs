using System.Collections.Generic;
using System.Text.Json.Nodes;

namespace InterviewTools.FakeGemini;

/// <summary>The verbatim error catalogue of §8.</summary>
public sealed partial class FakeReply
{
    public const string ApiKeyInvalidMessage = "API key not valid. Please pass a valid API key.";
    public const string UnregisteredCallersMessage = "Method doesn't allow unregistered callers (callers without established identity). Please use API Key or other form of API consumer identity to call this API.";
    public const string LeakedMessage = "Your API key was reported as leaked. Please use another API key.";
    public const string PrepayDepletedMessage = "Your prepayment credits are depleted. Please go to AI Studio at https://ai.studio/projects to manage your project and billing. Learn more at https://ai.google.dev/gemini-api/docs/billing#prepay.";
    public const string InternalErrorMessage = "An internal error has occurred. Please retry or report in https://developers.generativeai.google/guide/troubleshooting";
    public const string OverloadedMessage = "The model is overloaded. Please try again later.";
    public const string DeadlineExceededMessage = "The service is unable to finish processing within the deadline.";
    public const string UnauthenticatedMessage = "Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential. See https://developers.google.com/identity/sign-in/web/devconsole-project.";
    public const string DefaultProjectNumber = "411082643095";

    private const string Service = "generativelanguage.googleapis.com";

    public static string NotFoundMessage(string model, string method = "generateContent") =>
        $"models/{model} is not found for API version v1beta, or is not supported for {method}. Call ListModels to see the list of available models and their supported methods.";

    public static string InputTooLongMessage(long tokens, long limit) =>
        $"The input token count ({tokens}) exceeds the maximum number of tokens allowed ({limit}).";

    public static FakeReply NotFound(string model, string method = "generateContent") =>
        Error(404, "NOT_FOUND", NotFoundMessage(model, method));

    public static FakeReply InternalError() => Error(500, "INTERNAL", InternalErrorMessage);

    public static FakeReply Overloaded() => Error(503, "UNAVAILABLE", OverloadedMessage);

    public static FakeReply DeadlineExceeded() => Error(504, "DEADLINE_EXCEEDED", DeadlineExceededMessage);

    public static FakeReply InvalidArgument(string message, params JsonObject[] details) =>
        Error(400, "INVALID_ARGUMENT", message, details);

    public static FakeReply InputTooLong(long tokens, long limit) => InvalidArgument(InputTooLongMessage(tokens, limit));

    public static FakeReply ApiKeyInvalid() => InvalidArgument(
        ApiKeyInvalidMessage,
        ErrorDetails.ErrorInfo("API_KEY_INVALID", new Dictionary<string, string> { ["service"] = Service }),
        ErrorDetails.LocalizedMessage(ApiKeyInvalidMessage));

    public static FakeReply UnregisteredCallers() => Error(403, "PERMISSION_DENIED", UnregisteredCallersMessage);

    public static FakeReply Leaked() => Error(403, "PERMISSION_DENIED", LeakedMessage);

    public static FakeReply ServiceDisabled(string projectNumber = DefaultProjectNumber)
    {
        var activationUrl = $"https://console.developers.google.com/apis/api/{Service}/overview?project={projectNumber}";
        var message = $"Generative Language API has not been used in project {projectNumber} before or it is disabled. Enable it by visiting {activationUrl} then retry. If you enabled this API recently, wait a few minutes for the action to propagate to our systems and retry.";
        return Error(
            403,
            "PERMISSION_DENIED",
            message,
            ErrorDetails.Help("Google developers console API activation", activationUrl),
            ErrorDetails.ErrorInfo("SERVICE_DISABLED", new Dictionary<string, string>
            {
                ["consumer"] = "projects/" + projectNumber,
                ["service"] = Service,
            }));
    }

    /// <summary>403 API_KEY_SERVICE_BLOCKED; <paramref name="rpcMethod"/> is e.g. <c>GenerativeService.StreamGenerateContent</c>.</summary>
    public static FakeReply ServiceBlocked(string rpcMethod = "GenerativeService.GenerateContent", string projectNumber = DefaultProjectNumber)
    {
        var fullMethod = "google.ai.generativelanguage.v1beta." + rpcMethod;
        var message = $"Requests to this API {Service} method {fullMethod} are blocked.";
        return Error(
            403,
            "PERMISSION_DENIED",
            message,
            ErrorDetails.ErrorInfo("API_KEY_SERVICE_BLOCKED", new Dictionary<string, string>
            {
                ["consumer"] = "projects/" + projectNumber,
                ["service"] = Service,
                ["apiName"] = Service,
                ["methodName"] = fullMethod,
            }),
            ErrorDetails.LocalizedMessage(message));
    }

    /// <summary>403 CONSUMER_SUSPENDED; like Google, the message names the key.</summary>
    public static FakeReply Suspended(string apiKey, string projectNumber = DefaultProjectNumber) => Error(
        403,
        "PERMISSION_DENIED",
        $"Permission denied: Consumer 'api_key:{apiKey}' has been suspended.",
        ErrorDetails.ErrorInfo("CONSUMER_SUSPENDED", new Dictionary<string, string>
        {
            ["consumer"] = "projects/" + projectNumber,
            ["service"] = Service,
        }));

    /// <summary>
    /// 401 for a key type the endpoint does not accept. Reported in 2026 forum threads for <c>AQ.</c> keys; the body
    /// follows Google's usual UNAUTHENTICATED shape, since no verbatim recording exists (gemini-rest-api.md §8, §11).
    /// </summary>
    public static FakeReply AccessTokenTypeUnsupported(string rpcMethod = "GenerativeService.GenerateContent") => Error(
        401,
        "UNAUTHENTICATED",
        UnauthenticatedMessage,
        ErrorDetails.ErrorInfo("ACCESS_TOKEN_TYPE_UNSUPPORTED", new Dictionary<string, string>
        {
            ["service"] = Service,
            ["method"] = "google.ai.generativelanguage.v1beta." + rpcMethod,
        }));

    public static FakeReply PrepayDepleted() => Error(402, "RESOURCE_EXHAUSTED", PrepayDepletedMessage);
}
