namespace InterviewTools.FakeGemini;

public enum RouteKind
{
    Generate,
    StreamGenerate,
    CountTokens,
    ListModels,
    GetModel,
}
