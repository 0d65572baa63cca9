using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using InterviewTools.Engine.Common;
using InterviewTools.Engine.Gemini;
using InterviewTools.Engine.Resources;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace InterviewTools.Engine.Config
{
    /// <summary>Walks the parsed YAML of config.yaml into <see cref="InterviewToolsConfig"/>, one setting at a time, so one bad entry costs only itself.</summary>
    internal sealed class ConfigReader
    {
        private static readonly string[] Settings = { "endpoint", "models", "keys", "limits", "builtInLimits", "maxWaitSec", "throttleLimit", "prices", "ledger", "cache" };
        private static readonly string[] KeyFields = { "project", "key", "env" };
        private static readonly string[] LimitFields = { "rpm", "tpm", "rpd", "tpd" };
        private static readonly string[] PriceFields = { "input", "output", "cached" };

        public static readonly ISet<string> FieldNames =
            new HashSet<string>(Settings.Concat(KeyFields).Concat(LimitFields).Concat(PriceFields), StringComparer.OrdinalIgnoreCase);

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
                Problem(root, Message.Format(EngineMessages.ConfigNotAMapping, string.Join(", ", Settings)));
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
                    case "prices":
                        ReadPrices(value);
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
                        Warning(setting.Key, Message.Format(EngineMessages.ConfigUnknownSetting, ConfigText.Echo(name), string.Join(", ", Settings)));
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
                Problem(node, Message.Format(EngineMessages.ConfigEndpointInvalid, GeminiEndpoint.DefaultBaseUrl));
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
                if (models.Contains(bare, StringComparer.OrdinalIgnoreCase)) Warning(item, Message.Format(EngineMessages.ConfigModelTwice, ConfigText.Echo(bare)));
                else models.Add(bare);
            }
            if (models.Count == 0) Warning(node, EngineMessages.ConfigNoModel);
            _config.Models = models;
        }

        private void ReadKeys(YamlNode node)
        {
            if (IsNull(node)) return;
            if (!(node is YamlSequenceNode sequence))
            {
                Problem(node, EngineMessages.ConfigKeysNotAList);
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
                Problem(item, Message.Format(EngineMessages.ConfigKeyEntryNotAMapping));
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
                            Problem(field.Value, EngineMessages.ConfigProjectLabelInvalid);
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
                        Problem(field.Key, Message.Format(EngineMessages.ConfigKeyFieldUnknown, ConfigText.Echo(name), string.Join(", ", KeyFields)));
                        valid = false;
                        break;
                }
            }
            if (!valid) return null;
            if (literal != null && variable != null)
            {
                Problem(entry, EngineMessages.ConfigKeyAndEnv);
                return null;
            }
            if (literal == null && variable == null)
            {
                Problem(entry, EngineMessages.ConfigNeitherKeyNorEnv);
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
                Problem(entry, EngineMessages.ConfigEnvHoldsKey);
                return null;
            }
            var value = _environment(variable);
            if (string.IsNullOrWhiteSpace(value))
            {
                Problem(entry, Message.Format(EngineMessages.ConfigEnvNotSet, ConfigText.Echo(variable)));
                return null;
            }
            return FromText(entry, value!, project, $"{_fileName} (line {entry.Start.Line}, $env:{variable})");
        }

        private ConfiguredKey? FromText(YamlMappingNode entry, string text, string? project, string origin)
        {
            var parsed = KeyEntry.Parse(text, out var problem);
            if (parsed == null)
            {
                Problem(entry, Message.Format(EngineMessages.ConfigKeyIgnored, problem ?? EngineMessages.ConfigKeyEmpty));
                return null;
            }
            var key = ApiKey.FromPlainText(parsed.Key);
            if (project != null && parsed.Project != null && !string.Equals(project, parsed.Project, StringComparison.Ordinal))
            {
                Warning(entry, Message.Format(EngineMessages.ConfigProjectConflict, key.Fingerprint, parsed.Project, project));
            }
            return new ConfiguredKey(key, project ?? parsed.Project, origin);
        }

        private void ReadLimits(YamlNode node) =>
            _config.Limits = PerModel(node, Message.Format(EngineMessages.ConfigLimitsNotAMapping), ReadModelLimits)
                ?? _config.Limits;

        /// <summary>A mapping of bare model ids to what <paramref name="read"/> makes of each entry; an entry it refuses (null) is left out.</summary>
        private Dictionary<string, T>? PerModel<T>(YamlNode node, string notAMapping, Func<string, YamlNode, T?> read) where T : class
        {
            if (IsNull(node)) return null;
            if (!(node is YamlMappingNode models))
            {
                Problem(node, notAMapping);
                return null;
            }
            var entries = new Dictionary<string, T>(StringComparer.OrdinalIgnoreCase);
            foreach (var model in models.Children)
            {
                var name = NameOf(model.Key);
                if (name == null) continue;
                var parsed = read(ModelId.Bare(name), model.Value);
                if (parsed != null) entries[ModelId.Bare(name)] = parsed;
            }
            return entries;
        }

        private QuotaLimits? ReadModelLimits(string model, YamlNode node)
        {
            if (IsNull(node)) return new QuotaLimits();
            if (!(node is YamlMappingNode fields))
            {
                Problem(node, Message.Format(EngineMessages.ConfigModelLimitsNotAMapping, ConfigText.Echo(model)));
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
                var label = Message.Format(EngineMessages.ConfigLimitLabel, name, ConfigText.Echo(model));
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
                        Problem(field.Key, Message.Format(EngineMessages.ConfigNotALimit, ConfigText.Echo(name), ConfigText.Echo(model)));
                        valid = false;
                        break;
                }
            }
            if (!valid) return null;
            return limits;
        }

        private void ReadPrices(YamlNode node) =>
            _config.Prices = PerModel(node, Message.Format(EngineMessages.ConfigPricesNotAMapping), ReadModelPrice)
                ?? _config.Prices;

        /// <summary>All three figures are required: a partly configured price would silently mix two sources.</summary>
        private ModelPrice? ReadModelPrice(string model, YamlNode node)
        {
            var message = Message.Format(EngineMessages.ConfigPriceNotAMapping, ConfigText.Echo(model));
            if (!(node is YamlMappingNode fields))
            {
                Problem(node, message);
                return null;
            }
            decimal? input = null, output = null, cached = null;
            foreach (var field in fields.Children)
            {
                var name = NameOf(field.Key);
                if (name == null) return null;
                var value = Price(field.Value, $"{name} of {ConfigText.Echo(model)}");
                if (value == null) return null;
                switch (Known(name, PriceFields))
                {
                    case "input": input = value; break;
                    case "output": output = value; break;
                    case "cached": cached = value; break;
                    default:
                        Problem(field.Key, Message.Format(EngineMessages.ConfigPriceUnknownField, ConfigText.Echo(name), ConfigText.Echo(model)));
                        return null;
                }
            }
            if (input == null || output == null || cached == null)
            {
                Problem(node, message);
                return null;
            }
            return new ModelPrice(input.Value, output.Value, cached.Value, $"configured in {_fileName} (line {node.Start.Line})");
        }

        private decimal? Price(YamlNode node, string label)
        {
            if (node is YamlScalarNode { Style: ScalarStyle.Plain } scalar
                && decimal.TryParse(scalar.Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
            {
                return value;
            }
            Problem(node, Message.Format(EngineMessages.ConfigPriceNotANumber, label));
            return null;
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
                var range = maximum == long.MaxValue || maximum == int.MaxValue ? Message.Format(EngineMessages.ConfigRangeAtLeast, minimum) : Message.Format(EngineMessages.ConfigRangeBetween, minimum, maximum);
                Problem(node, Message.Format(EngineMessages.ConfigOutOfRange, label, range, value));
                return null;
            }
            Problem(node, Message.Format(EngineMessages.ConfigNotWholeNumber, label));
            return null;
        }

        private bool? Boolean(YamlNode node, string label)
        {
            if (IsNull(node)) return null;
            if (node is YamlScalarNode { Style: ScalarStyle.Plain } scalar && bool.TryParse(scalar.Value, out var value)) return value;
            Problem(node, Message.Format(EngineMessages.ConfigNotBoolean, label));
            return null;
        }

        private string? Text(YamlNode node, string label)
        {
            if (IsNull(node)) return null;
            if (node is YamlScalarNode scalar && !string.IsNullOrWhiteSpace(scalar.Value)) return scalar.Value!.Trim();
            Problem(node, node is YamlScalarNode ? Message.Format(EngineMessages.ConfigEmptyValue, label) : Message.Format(EngineMessages.ConfigNotAScalar, label));
            return null;
        }

        private string? RequiredText(YamlNode node, string label)
        {
            if (!IsNull(node)) return Text(node, label);
            Problem(node, Message.Format(EngineMessages.ConfigEmptyKeyField, label));
            return null;
        }

        private string? NameOf(YamlNode key)
        {
            if (key is YamlScalarNode scalar && !string.IsNullOrWhiteSpace(scalar.Value)) return scalar.Value!.Trim();
            Problem(key, EngineMessages.ConfigSettingNameNotPlain);
            return null;
        }

        private static string? Known(string name, string[] names) =>
            names.FirstOrDefault(known => string.Equals(known, name, StringComparison.OrdinalIgnoreCase));

        private static bool IsNull(YamlNode node) =>
            node is YamlScalarNode { Style: ScalarStyle.Plain } scalar
            && (string.IsNullOrEmpty(scalar.Value) || scalar.Value == "~" || string.Equals(scalar.Value, "null", StringComparison.OrdinalIgnoreCase));

        private void Problem(YamlNode node, string message) => _problems.Add(At(node) + message);

        private void Warning(YamlNode node, string message) => _warnings.Add(At(node) + message);

        private string At(YamlNode node) => Message.Format(EngineMessages.ConfigAt, _path, node.Start.Line);
    }
}
