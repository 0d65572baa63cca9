using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace InterviewTools.FakeGemini;

/// <summary>Parses <c>[--port N] [--key KEY=PROJECT ...] [--model ID ...] [--rpm N] [--tpm N] [--rpd N] [--latency-ms N] [--ignore-stdin]</c>.</summary>
internal static class CommandLine
{
    public const string Usage =
        "usage: dotnet InterviewTools.FakeGemini.dll [--port N] [--key KEY=PROJECT ...] [--model ID ...] "
        + "[--rpm N] [--tpm N] [--rpd N] [--latency-ms N] [--ignore-stdin]";

    public static FakeGeminiOptions Parse(IReadOnlyList<string> args, out bool ignoreStdin)
    {
        var options = new FakeGeminiOptions();
        var keys = new Dictionary<string, string>(StringComparer.Ordinal);
        var models = new List<FakeModel>();
        int? rpm = null, rpd = null;
        long? tpm = null;
        ignoreStdin = false;

        for (int i = 0; i < args.Count; i++)
        {
            string Value() => i + 1 < args.Count ? args[++i] : throw new FormatException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--port":
                    options.Port = ParseInt(Value());
                    break;
                case "--key":
                    var pair = Value().Split('=', 2);
                    if (pair.Length != 2 || pair[0].Length == 0 || pair[1].Length == 0)
                    {
                        throw new FormatException("--key takes KEY=PROJECT");
                    }

                    keys[pair[0]] = pair[1];
                    break;
                case "--model":
                    var id = Value();
                    models.Add(FakeModel.Defaults().FirstOrDefault(m => m.Id == id) ?? new FakeModel(id));
                    break;
                case "--rpm":
                    rpm = ParseInt(Value());
                    break;
                case "--tpm":
                    tpm = ParseInt(Value());
                    break;
                case "--rpd":
                    rpd = ParseInt(Value());
                    break;
                case "--latency-ms":
                    options.Latency = TimeSpan.FromMilliseconds(ParseInt(Value()));
                    break;
                case "--ignore-stdin":
                    ignoreStdin = true;
                    break;
                default:
                    throw new FormatException($"unknown argument {args[i]}");
            }
        }

        if (keys.Count > 0)
        {
            options.Keys = keys;
        }

        if (models.Count > 0)
        {
            options.Models = models;
        }

        options.DefaultQuota = new QuotaLimits(rpm, tpm, rpd);
        return options;
    }

    private static int ParseInt(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int value)
            ? value
            : throw new FormatException($"not a non-negative integer: {text}");
}
