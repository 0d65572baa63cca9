using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace InterviewTools.FakeGemini;

/// <summary>
/// Parses <c>[--port N] [--key KEY=PROJECT ...] [--key-fault KEY=FAULT ...] [--project NAME=SETTINGS ...] [--model ID ...]
/// [--rpm N] [--tpm N] [--rpd N] [--latency-ms N] [--cached-tokens N] [--ignore-stdin]</c>. A project's settings are comma-separated
/// <c>tier=free|paid</c>, <c>rpm=N</c>, <c>tpm=N</c>, <c>rpd=N</c>; its limits replace the server-wide ones for it.
/// </summary>
internal static class CommandLine
{
    public const string Usage =
        "usage: dotnet InterviewTools.FakeGemini.dll [--port N] [--key KEY=PROJECT ...] [--key-fault KEY=FAULT ...] "
        + "[--project NAME=tier=free|paid,rpm=N,tpm=N,rpd=N ...] [--model ID ...] "
        + "[--rpm N] [--tpm N] [--rpd N] [--latency-ms N] [--cached-tokens N] [--ignore-stdin]";

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
                    var (key, project) = Pair(Value(), "--key takes KEY=PROJECT");
                    keys[key] = project;
                    break;
                case "--key-fault":
                    var (faultKey, faultName) = Pair(Value(), "--key-fault takes KEY=FAULT");
                    options.KeyFaults[faultKey] = Enum.TryParse<KeyFault>(faultName, ignoreCase: true, out var fault) && Enum.IsDefined(fault)
                        ? fault
                        : throw new FormatException($"unknown key fault {faultName}; one of {string.Join(", ", Enum.GetNames<KeyFault>())}");
                    break;
                case "--project":
                    var (projectName, settings) = Pair(Value(), "--project takes NAME=SETTINGS");
                    ParseProject(options, projectName, settings);
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
                case "--cached-tokens":
                    options.CachedPromptTokens = ParseInt(Value());
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

    private static (string Name, string Value) Pair(string text, string usage)
    {
        var pair = text.Split('=', 2);
        return pair.Length == 2 && pair[0].Length > 0 && pair[1].Length > 0 ? (pair[0], pair[1]) : throw new FormatException(usage);
    }

    private static void ParseProject(FakeGeminiOptions options, string project, string settings)
    {
        int? rpm = null, rpd = null;
        long? tpm = null;
        foreach (var setting in settings.Split(','))
        {
            var (name, value) = Pair(setting, $"--project {project}: each setting is NAME=VALUE");
            switch (name)
            {
                case "tier":
                    options.ProjectTiers[project] = Enum.TryParse<ProjectTier>(value, ignoreCase: true, out var tier) && Enum.IsDefined(tier)
                        ? tier
                        : throw new FormatException($"--project {project}: tier is free or paid");
                    break;
                case "rpm":
                    rpm = ParseInt(value);
                    break;
                case "tpm":
                    tpm = ParseInt(value);
                    break;
                case "rpd":
                    rpd = ParseInt(value);
                    break;
                default:
                    throw new FormatException($"--project {project}: unknown setting {name}");
            }
        }

        if (rpm is not null || tpm is not null || rpd is not null)
        {
            options.ProjectQuotas[project] = new QuotaLimits(rpm, tpm, rpd);
        }
    }

    private static int ParseInt(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int value)
            ? value
            : throw new FormatException($"not a non-negative integer: {text}");
}
