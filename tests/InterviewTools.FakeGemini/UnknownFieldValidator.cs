using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using static InterviewTools.FakeGemini.RequestMessages;

namespace InterviewTools.FakeGemini;

/// <summary>Rejects unknown request fields the way Google's proto3 JSON parser does (§7, §8).</summary>
internal static class UnknownFieldValidator
{
    private const string TypeUrlPrefix = "type.googleapis.com/google.ai.generativelanguage.v1beta.";

    public static List<(string? Field, string Description)> Validate(JsonElement body, Message message)
    {
        var problems = new List<(string? Field, string Description)>();
        Walk(body, message, path: null, problems);
        return problems;
    }

    public static FakeReply? ToReply(List<(string? Field, string Description)> problems) =>
        problems.Count == 0
            ? null
            : FakeReply.InvalidArgument(
                string.Join("\n", problems.Select(p => p.Description)),
                ErrorDetails.BadRequest(problems));

    private static void Walk(JsonElement value, Message message, string? path, List<(string? Field, string Description)> problems)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            problems.Add((path, $"Invalid value at '{path ?? message.Name}' ({TypeUrlPrefix}{message.Name}), {value.GetRawText()}"));
            return;
        }

        foreach (var property in value.EnumerateObject())
        {
            var camel = Resolve(message, property.Name);
            if (camel is null)
            {
                var where = path is null ? string.Empty : $" at '{path}'";
                problems.Add((path, $"Invalid JSON payload received. Unknown name \"{property.Name}\"{where}: Cannot find field."));
                continue;
            }

            if (message.Fields[camel] is not { } nested || property.Value.ValueKind == JsonValueKind.Null)
            {
                continue;
            }

            var childPath = (path is null ? string.Empty : path + ".") + ProtoFields.SnakeCase(camel);
            if (!nested.Repeated)
            {
                Walk(property.Value, nested.Type(), childPath, problems);
            }
            else if (property.Value.ValueKind == JsonValueKind.Array)
            {
                int index = 0;
                foreach (var item in property.Value.EnumerateArray())
                {
                    Walk(item, nested.Type(), $"{childPath}[{index++}]", problems);
                }
            }
            else
            {
                Walk(property.Value, nested.Type(), childPath, problems);
            }
        }
    }

    private static string? Resolve(Message message, string name)
    {
        if (message.Fields.ContainsKey(name))
        {
            return name;
        }

        return message.Fields.Keys.FirstOrDefault(camel => ProtoFields.SnakeCase(camel) == name);
    }
}
