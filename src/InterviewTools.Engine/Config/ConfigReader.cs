using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using InterviewTools.Engine.Common;
using InterviewTools.Engine.Gemini;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace InterviewTools.Engine.Config
{
    /// <summary>Walks the parsed YAML of config.yaml into <see cref="InterviewToolsConfig"/>, one setting at a time, so one bad entry costs only itself.</summary>
    internal sealed class ConfigReader
    {
        private static readonly string[] Settings = { "endpoint", "models", "keys", "limits", "builtInLimits", "maxWaitSec", "throttleLimit", "ledger", "cache" };
        private static readonly string[] KeyFields = { "project", "key", "env" };
        private static readonly string[] LimitFields = { "rpm", "tpm", "rpd", "tpd" };

        public static readonly ISet<string> FieldNames =
            new HashSet<string>(Settings.Concat(KeyFields).Concat(LimitFields), StringComparer.OrdinalIgnoreCase);

        private readonly string _path;
        private readonly string _fileName;
        private readonly Func<string, string?> _environment;
        private readonly List<string> _problems = new List<string>();
        private readonly List<string> _warnings = new List<string>();
        private readonly InterviewToolsConfig _config;

        public ConfigReader(string path, Func<string, string?> environment)
        {
            _path = path;
            _fileName = Path.GetFileName(path);
            _environment = environment;
            _config = new InterviewToolsConfig { Path = path };
        }

        public ConfigLoadResult Result() => new ConfigLoadResult(_config, _problems, _warnings);

        public void ReadRoot(YamlNode root)
        {
            if (IsNull(root)) return;
            if (!(root is YamlMappingNode mapping))
            {
                Problem(root, "the file must be a mapping of settings (" + string.Join(", ", Settings) + ").");
                return;
            }
            foreach (var setting in mapping.Children)
            {
                var name = NameOf(setting.Key);
                if (name == null) continue;
                var value = setting.Value;
                switch (Known(name, Settings))
                {
                    case "endpoint":
                        ReadEndpoint(value);
                        break;
                    case "models":
                        ReadModels(value);
                        break;
                    case "keys":
                        ReadKeys(value);
                        break;
                    case "limits":
                        ReadLimits(value);
                        break;
                    case "builtInLimits":
                        if (Boolean(value, "builtInLimits") is bool builtIn) _config.BuiltInLimits = builtIn;
                        break;
                    case "maxWaitSec":
                        _config.MaxWaitSec = (int?)Integer(value, "maxWaitSec", 0, InterviewToolsConfig.MaxWaitSecLimit);
                        break;
                    case "ledger":
                        _config.Ledger = Text(value, "ledger");
                        break;
                    case "cache":
                        _config.Cache = Text(value, "cache");
                        break;
                    case "throttleLimit":
                        _config.ThrottleLimit = (int?)Integer(value, "throttleLimit", 1, InterviewToolsConfig.MaxThrottleLimit);
                        break;
                    default:
                        Warning(setting.Key, $"the setting {ConfigText.Echo(name)} is not one this version knows ({string.Join(", ", Settings)}); it is ignored.");
                        break;
                }
            }
        }

        private void ReadEndpoint(YamlNode node)
        {
            var text = Text(node, "endpoint");
            if (text == null) return;
            try
            {
                _config.Endpoint = GeminiEndpoint.Parse(text).ToString();
            }
            catch (ArgumentException)
            {
                Problem(node, "endpoint must be an http or https base URL without a query string, such as " + GeminiEndpoint.DefaultBaseUrl + "; the default is used.");
            }
        }

        private void ReadModels(YamlNode node)
        {
            if (IsNull(node)) return;
            var items = node is YamlSequenceNode sequence ? sequence.Children.ToList() : new List<YamlNode> { node };
            var models = new List<string>();
            foreach (var item in items)
            {
                var model = Text(item, "each model");
                if (model == null) continue;
                var bare = ModelId.Bare(model);
                if (models.Contains(bare, StringComparer.OrdinalIgnoreCase)) Warning(item, $"models lists {ConfigText.Echo(bare)} twice; the second is ignored.");
                else models.Add(bare);
            }
            if (models.Count == 0) Warning(node, "models names no model; the default chain is used.");
            _config.Models = models;
        }

        private void ReadKeys(YamlNode node)
        {
            if (IsNull(node)) return;
            if (!(node is YamlSequenceNode sequence))
            {
                Problem(node, "keys must be a list of entries, each with 'key' or 'env' and an optional 'project'; no key of it is used.");
                return;
            }
            var keys = new List<ConfiguredKey>();
            foreach (var item in sequence.Children)
            {
                var key = ReadKey(item);
                if (key != null) keys.Add(key);
            }
            _config.Keys = keys;
        }

        private ConfiguredKey? ReadKey(YamlNode item)
        {
            if (!(item is YamlMappingNode entry))
            {
                Problem(item, "each entry under keys must be a mapping such as '{ project: alpha, env: WORK_GEMINI_KEY }'; this one is ignored.");
                return null;
            }
            string? project = null, literal = null, variable = null;
            var valid = true;
            foreach (var field in entry.Children)
            {
                var name = NameOf(field.Key);
                if (name == null)
                {
                    valid = false;
                    continue;
                }
                switch (Known(name, KeyFields))
                {
                    case "project":
                        project = Text(field.Value, "project");
                        if (project != null && !KeyEntry.IsValidLabel(project))
                        {
                            Problem(field.Value, "a project label may hold only letters, digits, '.', '_' and '-'; this key is ignored.");
                            valid = false;
                        }
                        break;
                    case "key":
                        literal = RequiredText(field.Value, "key");
                        valid &= literal != null;
                        break;
                    case "env":
                        variable = RequiredText(field.Value, "env");
                        valid &= variable != null;
                        break;
                    default:
                        Problem(field.Key, $"{ConfigText.Echo(name)} is not a field of a key entry (use {string.Join(", ", KeyFields)}); this key is ignored.");
                        valid = false;
                        break;
                }
            }
            if (!valid) return null;
            if (literal != null && variable != null)
            {
                Problem(entry, "this key entry has both 'key' and 'env'; give one. It is ignored.");
                return null;
            }
            if (literal == null && variable == null)
            {
                Problem(entry, "this key entry has neither 'key' nor 'env'; it is ignored.");
                return null;
            }
            return literal != null
                ? FromText(entry, literal, project, $"{_fileName} (line {entry.Start.Line})")
                : FromVariable(entry, variable!, project);
        }

        private ConfiguredKey? FromVariable(YamlMappingNode entry, string variable, string? project)
        {
            if (ConfigText.LooksLikeGoogleKey(variable))
            {
                Problem(entry, "'env' holds what looks like a key rather than the name of an environment variable; write it under 'key' instead. This entry is ignored.");
                return null;
            }
            var value = _environment(variable);
            if (string.IsNullOrWhiteSpace(value))
            {
                Problem(entry, $"the environment variable {ConfigText.Echo(variable)} is not set or is empty; this key is left out.");
                return null;
            }
            return FromText(entry, value!, project, $"{_fileName} (line {entry.Start.Line}, $env:{variable})");
        }

        private ConfiguredKey? FromText(YamlMappingNode entry, string text, string? project, string origin)
        {
            var parsed = KeyEntry.Parse(text, out var problem);
            if (parsed == null)
            {
                Problem(entry, (problem ?? "the key is empty") + "; this key is ignored.");
                return null;
            }
            var key = ApiKey.FromPlainText(parsed.Key);
            if (project != null && parsed.Project != null && !string.Equals(project, parsed.Project, StringComparison.Ordinal))
            {
                Warning(entry, $"{key.Fingerprint} is labelled '{parsed.Project}' in its value but the entry says project '{project}'; '{project}' is used.");
            }
            return new ConfiguredKey(key, project ?? parsed.Project, origin);
        }

        private void ReadLimits(YamlNode node)
        {
            if (IsNull(node)) return;
            if (!(node is YamlMappingNode models))
            {
                Problem(node, "limits must map each model to its limits, e.g. 'gemini-3.5-flash: { rpm: 5, rpd: 20 }'; no limit of it is used.");
                return;
            }
            var limits = new Dictionary<string, QuotaLimits>(StringComparer.OrdinalIgnoreCase);
            foreach (var model in models.Children)
            {
                var name = NameOf(model.Key);
                if (name == null) continue;
                var parsed = ReadModelLimits(ModelId.Bare(name), model.Value);
                if (parsed != null) limits[ModelId.Bare(name)] = parsed;
            }
            _config.Limits = limits;
        }

        private QuotaLimits? ReadModelLimits(string model, YamlNode node)
        {
            if (IsNull(node)) return new QuotaLimits();
            if (!(node is YamlMappingNode fields))
            {
                Problem(node, $"the limits of {ConfigText.Echo(model)} must be a mapping of rpm, tpm, rpd and tpd; they are ignored.");
                return null;
            }
            var limits = new QuotaLimits();
            var valid = true;
            foreach (var field in fields.Children)
            {
                var name = NameOf(field.Key);
                if (name == null)
                {
                    valid = false;
                    continue;
                }
                var label = $"{name} of {ConfigText.Echo(model)}";
                switch (Known(name, LimitFields))
                {
                    case "rpm":
                        limits.RequestsPerMinute = (int?)Limit(field.Value, label, int.MaxValue, ref valid);
                        break;
                    case "tpm":
                        limits.InputTokensPerMinute = Limit(field.Value, label, long.MaxValue, ref valid);
                        break;
                    case "rpd":
                        limits.RequestsPerDay = (int?)Limit(field.Value, label, int.MaxValue, ref valid);
                        break;
                    case "tpd":
                        limits.InputTokensPerDay = Limit(field.Value, label, long.MaxValue, ref valid);
                        break;
                    default:
                        Problem(field.Key, $"{ConfigText.Echo(name)} is not a limit (use rpm, tpm, rpd, tpd); the limits of {ConfigText.Echo(model)} are ignored.");
                        valid = false;
                        break;
                }
            }
            if (!valid) return null;
            return limits;
        }

        private long? Limit(YamlNode node, string label, long maximum, ref bool valid)
        {
            if (IsNull(node)) return null;
            var value = Integer(node, label, 0, maximum);
            if (value == null) valid = false;
            return value;
        }

        private long? Integer(YamlNode node, string label, long minimum, long maximum)
        {
            if (IsNull(node)) return null;
            if (node is YamlScalarNode { Style: ScalarStyle.Plain } scalar
                && long.TryParse(scalar.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
            {
                if (value >= minimum && value <= maximum) return value;
                var range = maximum == long.MaxValue || maximum == int.MaxValue ? $"{minimum} or more" : $"from {minimum} to {maximum}";
                Problem(node, $"{label} must be {range}, not {value}; it is ignored.");
                return null;
            }
            Problem(node, $"{label} must be a whole number; it is ignored.");
            return null;
        }

        private bool? Boolean(YamlNode node, string label)
        {
            if (IsNull(node)) return null;
            if (node is YamlScalarNode { Style: ScalarStyle.Plain } scalar && bool.TryParse(scalar.Value, out var value)) return value;
            Problem(node, $"{label} must be true or false; it is ignored.");
            return null;
        }

        private string? Text(YamlNode node, string label)
        {
            if (IsNull(node)) return null;
            if (node is YamlScalarNode scalar && !string.IsNullOrWhiteSpace(scalar.Value)) return scalar.Value!.Trim();
            Problem(node, node is YamlScalarNode ? $"{label} is empty; it is ignored." : $"{label} must be a single value, not a list or a mapping; it is ignored.");
            return null;
        }

        private string? RequiredText(YamlNode node, string label)
        {
            if (!IsNull(node)) return Text(node, label);
            Problem(node, $"{label} is empty; this key entry is ignored.");
            return null;
        }

        private string? NameOf(YamlNode key)
        {
            if (key is YamlScalarNode scalar && !string.IsNullOrWhiteSpace(scalar.Value)) return scalar.Value!.Trim();
            Problem(key, "a setting name must be a plain word; this entry is ignored.");
            return null;
        }

        private static string? Known(string name, string[] names) =>
            names.FirstOrDefault(known => string.Equals(known, name, StringComparison.OrdinalIgnoreCase));

        private static bool IsNull(YamlNode node) =>
            node is YamlScalarNode { Style: ScalarStyle.Plain } scalar
            && (string.IsNullOrEmpty(scalar.Value) || scalar.Value == "~" || string.Equals(scalar.Value, "null", StringComparison.OrdinalIgnoreCase));

        private void Problem(YamlNode node, string message) => _problems.Add(At(node) + message);

        private void Warning(YamlNode node, string message) => _warnings.Add(At(node) + message);

        private string At(YamlNode node) => $"{_path}, line {node.Start.Line}: ";
    }
}
