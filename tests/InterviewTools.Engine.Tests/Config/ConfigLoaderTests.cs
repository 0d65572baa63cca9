using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using InterviewTools.Engine.Tests.Yaml;
using InterviewTools.Engine.Config;
using InterviewTools.Engine.Common;
using Xunit;

namespace InterviewTools.Engine.Tests.Config
{
    public sealed class ConfigLoaderTests : IDisposable
    {
        private const string LiteralKey = "AIzaSyLiteral0000000000000000000000001";
        private const string WorkKey = "AIzaSyWorkKey0000000000000000000000002";
        private const string OtherKey = "AIzaSyOtherKey000000000000000000000003";

        private readonly string _folder = Path.Combine(Path.GetTempPath(), "it-config-" + Guid.NewGuid().ToString("N"));
        private readonly Dictionary<string, string> _environment = new Dictionary<string, string>
        {
            ["WORK_GEMINI_KEY"] = WorkKey,
            ["OTHER_KEY"] = OtherKey,
        };

        public ConfigLoaderTests() => Directory.CreateDirectory(_folder);

        public void Dispose() => Directory.Delete(_folder, recursive: true);

        [Fact]
        public void AnAbsentFileGivesTheEmptyConfigAndNoProblem()
        {
            var result = ConfigLoader.Load(Path.Combine(_folder, "config.yaml"), Environment);

            Assert.Empty(result.Problems);
            Assert.Empty(result.Warnings);
            Assert.Null(result.Config.Path);
            Assert.Empty(result.Config.Keys);
            Assert.Empty(result.Config.Models);
            Assert.True(result.Config.BuiltInLimits);
        }

        [Fact]
        public void TheDocumentedExampleIsReadInFull()
        {
            var result = Load(
                "endpoint: https://proxy.example.com/gemini/\n" +
                "models: [gemini-3.5-flash, models/gemini-3.1-flash-lite]\n" +
                "keys:\n" +
                "  - project: alpha\n" +
                $"    key: {LiteralKey}\n" +
                "  - project: alpha\n" +
                "    env: WORK_GEMINI_KEY\n" +
                "  - env: OTHER_KEY\n" +
                "limits:\n" +
                "  gemini-3.5-flash: { rpm: 5, tpm: 250000, rpd: 20, tpd: null }\n" +
                "  gemini-3.1-flash-lite:\n" +
                "    rpd: 1000\n" +
                "builtInLimits: false\n" +
                "maxWaitSec: 90\n" +
                "throttleLimit: 3\n");

            Assert.Empty(result.Problems);
            Assert.Empty(result.Warnings);
            var config = result.Config;
            Assert.Equal("https://proxy.example.com/gemini", config.Endpoint);
            Assert.Equal(new[] { "gemini-3.5-flash", "gemini-3.1-flash-lite" }, config.Models);
            Assert.Equal(new[] { ApiKey.FingerprintOf(LiteralKey), ApiKey.FingerprintOf(WorkKey), ApiKey.FingerprintOf(OtherKey) }, config.Keys.Select(k => k.Key.Fingerprint));
            Assert.Equal(new[] { "alpha", "alpha", null }, config.Keys.Select(k => k.Project));
            Assert.Equal(new[] { "config.yaml (line 4)", "config.yaml (line 6, $env:WORK_GEMINI_KEY)", "config.yaml (line 8, $env:OTHER_KEY)" }, config.Keys.Select(k => k.Origin));
            var flash = config.Limits["gemini-3.5-flash"];
            Assert.Equal(5, flash.RequestsPerMinute);
            Assert.Equal(250000, flash.InputTokensPerMinute);
            Assert.Equal(20, flash.RequestsPerDay);
            Assert.Null(flash.InputTokensPerDay);
            Assert.Equal(1000, config.Limits["gemini-3.1-flash-lite"].RequestsPerDay);
            Assert.Null(config.Limits["gemini-3.1-flash-lite"].RequestsPerMinute);
            Assert.False(config.BuiltInLimits);
            Assert.Equal(90, config.MaxWaitSec);
            Assert.Equal(3, config.ThrottleLimit);
        }

        [Fact]
        public void MalformedYamlIsOneProblemNamingTheFileAndLineAndNothingOfItIsUsed()
        {
            var path = Write("models: [gemini-3.5-flash]\nkeys:\n  - key: " + LiteralKey + "\n   bad: [\n");

            var result = ConfigLoader.Load(path, Environment);

            var problem = Assert.Single(result.Problems);
            Assert.Contains(path + ", line 4", problem);
            Assert.Contains("not valid YAML", problem);
            Assert.DoesNotContain(LiteralKey, problem);
            Assert.Empty(result.Config.Models);
            Assert.Empty(result.Config.Keys);
        }

        [Theory]
        [MemberData(nameof(BrokenYaml.RejectedCases), MemberType = typeof(BrokenYaml))]
        public void YamlTheReaderRefusesIsOneProblemNamingTheFileLineAndColumnAndNeverAnException(string name)
        {
            var sample = BrokenYaml.Named(name);
            var path = Write(sample.Text);

            var result = ConfigLoader.Load(path, Environment);

            var problem = Assert.Single(result.Problems);
            Assert.Matches("^" + Regex.Escape(path) + $", line {sample.Line}, column [0-9]+: not valid YAML: .+\\. No setting of it is used\\.$", problem);
            Assert.All(BrokenYaml.RawText, raw => Assert.DoesNotContain(raw, problem));
            Assert.DoesNotContain(LiteralKey, problem);
            Assert.Empty(result.Warnings);
            Assert.Empty(result.Config.Keys);
            Assert.Empty(result.Config.Models);
            Assert.Null(result.Config.MaxWaitSec);
        }

        [Fact]
        public void TheIssuesFileNamesTheLineWhereTheUnclosedBracketIsNoticed()
        {
            var path = Write("keys: [unclosed\nmodels: {\n");

            var problem = Assert.Single(ConfigLoader.Load(path, Environment).Problems);

            Assert.Equal($"{path}, line 2, column 1: not valid YAML: a '[' or '{{' before this point is not closed, or a line inside it is indented less than the line it continues. No setting of it is used.", problem);
        }

        [Theory]
        [MemberData(nameof(AcceptedCases))]
        public void OddButValidYamlIsReadAndEveryMistakeInItNamesItsLine(int index)
        {
            var path = Write(BrokenYaml.Accepted[index]);

            var result = ConfigLoader.Load(path, Environment);

            Assert.All(result.Problems.Concat(result.Warnings), message => Assert.StartsWith(path + ", line ", message));
        }

        public static IEnumerable<object[]> AcceptedCases() => BrokenYaml.Accepted.Select((_, i) => new object[] { i });

        [Fact]
        public void AByteOrderMarkInsideTheFileIsShownInTheWarningNotHidden()
        {
            var result = Load("maxWaitSec: 5\n\uFEFFthrottleLimit: 2\n");

            Assert.Contains("'\\uFEFFthrottleLimit'", Assert.Single(result.Warnings));
            Assert.Equal(5, result.Config.MaxWaitSec);
        }

        [Fact]
        public void AnUnknownSettingIsAWarningAndTheRestIsStillRead()
        {
            var path = Write("modles: [gemini-3.5-flash]\nmaxWaitSec: 30\n");

            var result = ConfigLoader.Load(path, Environment);

            Assert.Empty(result.Problems);
            var warning = Assert.Single(result.Warnings);
            Assert.Contains(path + ", line 1", warning);
            Assert.Contains("'modles'", warning);
            Assert.Equal(30, result.Config.MaxWaitSec);
        }

        [Fact]
        public void SettingNamesAreMatchedWithoutRegardToCase()
        {
            var result = Load("MaxWaitSec: 12\nThrottleLimit: 4\n");

            Assert.Empty(result.Warnings);
            Assert.Equal(12, result.Config.MaxWaitSec);
            Assert.Equal(4, result.Config.ThrottleLimit);
        }

        [Fact]
        public void AKeyEntryWithAnUnknownFieldIsLeftOutAndTheOthersKept()
        {
            var result = Load("keys:\n  - env: OTHER_KEY\n  - project: alpha\n    secret: x\n    env: WORK_GEMINI_KEY\n");

            var problem = Assert.Single(result.Problems);
            Assert.Contains(", line 4: 'secret' is not a field of a key entry", problem);
            Assert.Equal(ApiKey.FingerprintOf(OtherKey), Assert.Single(result.Config.Keys).Key.Fingerprint);
        }

        [Fact]
        public void AnUnsetVariableIsAProblemThatNamesIt()
        {
            var result = Load("keys:\n  - env: NOT_SET_ANYWHERE\n  - env: OTHER_KEY\n");

            var problem = Assert.Single(result.Problems);
            Assert.Contains(", line 2: the environment variable 'NOT_SET_ANYWHERE' is not set", problem);
            Assert.Single(result.Config.Keys);
        }

        [Theory]
        [InlineData("AIzaSyPastedIntoEnv000000000000000000009")]
        [InlineData("AQ.Ab8RN6PastedIntoEnv0000000000000000009")]
        public void AKeyOfEitherShapeWrittenUnderEnvIsAProblemThatNeverEchoesIt(string pasted)
        {
            var result = Load($"keys:\n  - env: {pasted}\n  - key: {pasted}\n");

            var problem = Assert.Single(result.Problems);
            Assert.Contains("looks like a key rather than the name of an environment variable", problem);
            Assert.DoesNotContain(pasted, problem);
            Assert.Equal(ApiKey.FingerprintOf(pasted), Assert.Single(result.Config.Keys).Key.Fingerprint);
        }

        [Fact]
        public void AnEntryWithBothKeyAndEnvOrWithNeitherIsAProblem()
        {
            var result = Load($"keys:\n  - key: {LiteralKey}\n    env: OTHER_KEY\n  - project: alpha\n  - key:\n");

            Assert.Equal(3, result.Problems.Count);
            Assert.Contains(", line 2: this key entry has both 'key' and 'env'", result.Problems[0]);
            Assert.Contains(", line 4: this key entry has neither 'key' nor 'env'", result.Problems[1]);
            Assert.Contains(", line 5: key is empty", result.Problems[2]);
            Assert.Empty(result.Config.Keys);
        }

        [Fact]
        public void NegativeOrUnknownLimitsDropThatModelsLimitsOnly()
        {
            var result = Load(
                "limits:\n" +
                "  gemini-3.5-flash: { rpm: -1, rpd: 20 }\n" +
                "  gemini-3.1-flash-lite: { rpx: 5 }\n" +
                "  gemini-3.5-flash-lite: { rpd: 0, tpm: 1000 }\n");

            Assert.Equal(2, result.Problems.Count);
            Assert.Contains(", line 2: rpm of 'gemini-3.5-flash' must be 0 or more, not -1", result.Problems[0]);
            Assert.Contains(", line 3: 'rpx' is not a limit", result.Problems[1]);
            var only = Assert.Single(result.Config.Limits);
            Assert.Equal("gemini-3.5-flash-lite", only.Key);
            Assert.Equal(0, only.Value.RequestsPerDay);
            Assert.Equal(1000, only.Value.InputTokensPerMinute);
        }

        [Fact]
        public void ValuesOfTheWrongShapeAreProblemsAndFallBackToDefaults()
        {
            var result = Load("endpoint: ftp://example.com\nmaxWaitSec: soon\nthrottleLimit: 0\nbuiltInLimits: maybe\nkeys: " + "just-a-string\nmodels:\n  a: b\n");

            Assert.Equal(6, result.Problems.Count);
            Assert.Contains(", line 1: endpoint must be an http or https base URL", result.Problems[0]);
            Assert.Contains(", line 2: maxWaitSec must be a whole number", result.Problems[1]);
            Assert.Contains(", line 3: throttleLimit must be from 1 to 32, not 0", result.Problems[2]);
            Assert.Contains(", line 4: builtInLimits must be true or false", result.Problems[3]);
            Assert.Contains(", line 5: keys must be a list", result.Problems[4]);
            Assert.Contains(", line 7: each model must be a single value", result.Problems[5]);
            Assert.Null(result.Config.Endpoint);
            Assert.Null(result.Config.MaxWaitSec);
            Assert.Null(result.Config.ThrottleLimit);
            Assert.True(result.Config.BuiltInLimits);
        }

        [Fact]
        public void MoreThanOneDocumentIsAProblem()
        {
            var result = Load("maxWaitSec: 5\n---\nmaxWaitSec: 6\n");

            Assert.Contains(", line 3: holds more than one YAML document", Assert.Single(result.Problems));
            Assert.Null(result.Config.MaxWaitSec);
        }

        [Fact]
        public void AnEmptyOrCommentOnlyFileIsAnEmptyConfig()
        {
            var result = Load("# nothing yet\n");

            Assert.Empty(result.Problems);
            Assert.Empty(result.Warnings);
            Assert.NotNull(result.Config.Path);
        }

        [Fact]
        public void AKeyValueMayCarryItsProjectAsLabelEqualsKey()
        {
            _environment["LABELLED"] = "beta=" + WorkKey;
            var result = Load($"keys:\n  - key: alpha={LiteralKey}\n  - env: LABELLED\n  - project: gamma\n    env: LABELLED\n");

            Assert.Empty(result.Problems);
            Assert.Equal(new[] { "alpha", "beta", "gamma" }, result.Config.Keys.Select(k => k.Project));
            Assert.Equal(ApiKey.FingerprintOf(WorkKey), result.Config.Keys[1].Key.Fingerprint);
            var warning = Assert.Single(result.Warnings);
            Assert.Contains("'beta' in its value but the entry says project 'gamma'", warning);
            Assert.Contains(ApiKey.FingerprintOf(WorkKey), warning);
        }

        [Fact]
        public void AnInvalidProjectLabelIsAProblem()
        {
            var result = Load($"keys:\n  - project: my project\n    key: {LiteralKey}\n");

            Assert.Contains(", line 2: a project label may hold only", Assert.Single(result.Problems));
            Assert.Empty(result.Config.Keys);
        }

        [Theory]
        [InlineData("keys:\n  - key: @KEY@\n    key: @KEY@\n")]
        [InlineData("keys:\n  - key: &anchor @KEY@\nendpoint: *@KEY@\n")]
        [InlineData("@KEY@: true\n")]
        [InlineData("keys:\n  - @KEY@: x\n")]
        [InlineData("keys:\n  - env: @KEY@\n")]
        [InlineData("keys:\n  - env: NOPE_@KEY@\n")]
        [InlineData("keys:\n  - key: a b=@KEY@\n")]
        [InlineData("keys:\n  - key: x=@KEY@=y\n")]
        [InlineData("limits:\n  @KEY@: { rpm: -5 }\n")]
        [InlineData("limits:\n  gemini: { @KEY@: 5 }\n")]
        [InlineData("endpoint: @KEY@\nmaxWaitSec: @KEY@\n")]
        [InlineData("keys:\n  - key: \"@KEY@\n")]
        [InlineData("keys: [ {key: @KEY@ }\n")]
        [InlineData("keys:\n  - key: !!binary @KEY@\n  - key: @KEY@ : x\n")]
        [InlineData("? [@KEY@]\n: 1\n")]
        public void NoMessageEverHoldsALiteralKey(string template)
        {
            var result = Load(template.Replace("@KEY@", LiteralKey));

            var messages = result.Problems.Concat(result.Warnings).ToList();
            Assert.NotEmpty(messages);
            Assert.All(messages, m => Assert.DoesNotContain(LiteralKey, m));
            Assert.All(result.Config.Keys, k => Assert.DoesNotContain(LiteralKey, k.Origin));
        }

        [Fact]
        public void TheEnvironmentWinsOverTheFileForTheEndpointAndParametersWinForModels()
        {
            var config = Load("endpoint: https://from-config.example.com\nmodels: [gemini-a]\n").Config;

            Assert.Equal("https://from-env.example.com/", config.ResolveEndpoint(n => n == "GOOGLE_GEMINI_BASE_URL" ? "https://from-env.example.com" : null).BaseUrl.AbsoluteUri);
            Assert.Equal("https://from-config.example.com/", config.ResolveEndpoint(_ => null).BaseUrl.AbsoluteUri);
            Assert.Equal("https://generativelanguage.googleapis.com/", InterviewToolsConfig.Empty.ResolveEndpoint(_ => null).BaseUrl.AbsoluteUri);
            Assert.Equal(new[] { "gemini-b" }, config.ResolveModels(new[] { "gemini-b" }));
            Assert.Equal(new[] { "gemini-a" }, config.ResolveModels(null));
            Assert.Equal(InterviewTools.Engine.Config.ModelCatalog.DefaultChain, InterviewToolsConfig.Empty.ResolveModels(Array.Empty<string>()));
        }

        private ConfigLoadResult Load(string yaml) => ConfigLoader.Load(Write(yaml), Environment);

        private string Write(string yaml)
        {
            var path = Path.Combine(_folder, "config.yaml");
            File.WriteAllText(path, yaml);
            return path;
        }

        private string? Environment(string name) => _environment.TryGetValue(name, out var value) ? value : null;
    }
}
