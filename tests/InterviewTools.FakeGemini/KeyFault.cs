namespace InterviewTools.FakeGemini;

/// <summary>Scripted failure for a configured API key (§8).</summary>
public enum KeyFault
{
    Leaked,
    ServiceDisabled,
    ServiceBlocked,
    PrepayDepleted,
    Suspended,

    /// <summary>401 UNAUTHENTICATED, ErrorInfo reason ACCESS_TOKEN_TYPE_UNSUPPORTED: seen in 2026 for AI Studio's <c>AQ.</c> auth keys.</summary>
    AccessTokenTypeUnsupported,
}
