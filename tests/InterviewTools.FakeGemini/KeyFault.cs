namespace InterviewTools.FakeGemini;

/// <summary>Scripted failure for a configured API key (§8).</summary>
public enum KeyFault
{
    Leaked,
    ServiceDisabled,
    ServiceBlocked,
    PrepayDepleted,
    Suspended,
}
