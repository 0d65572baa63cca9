using System.Text.Json.Nodes;

namespace InterviewTools.FakeGemini;

/// <summary>The default responder: a deterministic echo of the user text shaped by the response schema.</summary>
public static class SchemaEchoResponder
{
    public static FakeReply Respond(GenerateCall call) => FakeReply.Answer(AnswerText(call));

    public static string AnswerText(GenerateCall call)
    {
        if (call.WantsJson && call.ResponseSchema is { } schema)
        {
            return WireJson.CompactText(SchemaFiller.Fill(schema, call.UserText));
        }

        var head = SchemaFiller.Head(call.UserText);
        return call.WantsJson ? WireJson.CompactText(JsonValue.Create(head)) : head;
    }
}
