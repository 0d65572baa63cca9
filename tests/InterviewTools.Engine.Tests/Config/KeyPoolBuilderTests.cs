using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using InterviewTools.Engine.Config;
using InterviewTools.Engine.Rotation;
using InterviewTools.Engine.Common;
using Xunit;

namespace InterviewTools.Engine.Tests.Config
{
    public sealed class KeyPoolBuilderTests : IDisposable
    {
        private const string A = "AIzaSyPoolKeyA00000000000000000000000A";
        private const string B = "AIzaSyPoolKeyB00000000000000000000000B";
        private const string C = "AIzaSyPoolKeyC00000000000000000000000C";
        private const string D = "AIzaSyPoolKeyD00000000000000000000000D";
        private const string E = "AIzaSyPoolKeyE00000000000000000000000E";

        private readonly string _folder = Path.Combine(Path.GetTempPath(), "it-pool-" + Guid.NewGuid().ToString("N"));
        private readonly Dictionary<string, string> _environment = new Dictionary<string, string>();

        public KeyPoolBuilderTests() => Directory.CreateDirectory(_folder);

        public void Dispose() => Directory.Delete(_folder, recursive: true);

        [Fact]
        public void WithoutApiKeyThePoolIsTheUnionOfEverySourceInOrder()
        {
            _environment["GEMINI_API_KEYS"] = $"alpha={A},{B};\nbeta={C}";
            _environment["GEMINI_API_KEY"] = D;
            _environment["GOOGLE_API_KEY"] = "gamma=" + E;
            _environment["FROM_CONFIG"] = "AIzaSyPoolKeyF00000000000000000000000F";
            var config = Config("keys:\n  - project: alpha\n    env: FROM_CONFIG\n");

            var pool = KeyPoolBuilder.Build(Array.Empty<string>(), Environment, config);

            Assert.Equal(new[] { A, B, C, D, E, "AIzaSyPoolKeyF00000000000000000000000F" }.Select(ApiKey.FingerprintOf), pool.Keys.Select(k => k.Key.Fingerprint));
            Assert.Equal(new[] { "alpha", ApiKey.FingerprintOf(B), "beta", ApiKey.FingerprintOf(D), "gamma", "alpha" }, pool.Keys.Select(k => k.Project));
            Assert.Equal(
                new[] { "$env:GEMINI_API_KEYS", "$env:GEMINI_API_KEYS", "$env:GEMINI_API_KEYS", "$env:GEMINI_API_KEY", "$env:GOOGLE_API_KEY", "config.yaml (line 2, $env:FROM_CONFIG)" },
                pool.Keys.Select(k => k.Origin));
            Assert.Equal(new[] { "alpha", ApiKey.FingerprintOf(B), "beta", ApiKey.FingerprintOf(D), "gamma" }, pool.Projects);
            Assert.Empty(pool.Warnings);
        }

        [Fact]
        public void ApiKeyReplacesEveryOtherSource()
        {
            _environment["GEMINI_API_KEYS"] = A;
            _environment["GEMINI_API_KEY"] = B;
            var config = Config($"keys:\n  - key: {C}\n");

            var pool = KeyPoolBuilder.Build(new[] { "work=" + D, E }, Environment, config);

            Assert.Equal(new[] { D, E }.Select(ApiKey.FingerprintOf), pool.Keys.Select(k => k.Key.Fingerprint));
            Assert.Equal("work", pool.Keys[0].Project);
            Assert.All(pool.Keys, k => Assert.Equal("-ApiKey", k.Origin));
            Assert.Contains(pool.Notes, n => n.Contains("-ApiKey was given"));
        }

        [Fact]
        public void ABlankApiKeyStillReplacesTheOtherSourcesAndLeavesThePoolEmpty()
        {
            _environment["GEMINI_API_KEY"] = A;

            var pool = KeyPoolBuilder.Build(new[] { "  " }, Environment, InterviewToolsConfig.Empty);

            Assert.True(pool.IsEmpty);
        }

        [Fact]
        public void BlankEntriesAreIgnored()
        {
            _environment["GEMINI_API_KEYS"] = $" ,;\n{A}, ,\r\n;{B};;";
            _environment["GEMINI_API_KEY"] = "   ";

            var pool = KeyPoolBuilder.Build(Array.Empty<string>(), Environment, InterviewToolsConfig.Empty);

            Assert.Equal(new[] { A, B }.Select(ApiKey.FingerprintOf), pool.Keys.Select(k => k.Key.Fingerprint));
            Assert.Empty(pool.Warnings);
        }

        [Fact]
        public void AKeyFromTwoSourcesIsUsedOnceUnderItsFirstLabel()
        {
            _environment["GEMINI_API_KEYS"] = $"{A},alpha={B}";
            _environment["GEMINI_API_KEY"] = "alpha=" + A;
            _environment["GOOGLE_API_KEY"] = B;
            var config = Config($"keys:\n  - project: beta\n    key: {B}\n");

            var pool = KeyPoolBuilder.Build(Array.Empty<string>(), Environment, config);

            Assert.Equal(2, pool.Keys.Count);
            Assert.Equal(new[] { "alpha", "alpha" }, pool.Keys.Select(k => k.Project));
            var conflict = Assert.Single(pool.Warnings);
            Assert.Contains($"{ApiKey.FingerprintOf(B)} is labelled 'alpha' in $env:GEMINI_API_KEYS and 'beta' in config.yaml (line 2)", conflict);
            Assert.Contains(pool.Notes, n => n.Contains($"{ApiKey.FingerprintOf(B)} from $env:GOOGLE_API_KEY is already in the pool"));
        }

        [Fact]
        public void UnlabelledKeysAreSeparateProjectsAndLabelledOnesShare()
        {
            var pool = KeyPoolBuilder.Build(new[] { A, B, "team=" + C, "team=" + D }, Environment, InterviewToolsConfig.Empty);

            Assert.Equal(new[] { ApiKey.FingerprintOf(A), ApiKey.FingerprintOf(B), "team" }, pool.Projects);
        }

        [Theory]
        [InlineData("bad label=@KEY@")]
        [InlineData("alpha=")]
        [InlineData("a=b=@KEY@")]
        [InlineData("x/y=@KEY@")]
        public void AMalformedEntryIsSkippedWithAWarningThatDoesNotRepeatIt(string entry)
        {
            _environment["GEMINI_API_KEYS"] = entry.Replace("@KEY@", A) + "," + B;

            var pool = KeyPoolBuilder.Build(Array.Empty<string>(), Environment, InterviewToolsConfig.Empty);

            Assert.Equal(ApiKey.FingerprintOf(B), Assert.Single(pool.Keys).Key.Fingerprint);
            var warning = Assert.Single(pool.Warnings);
            Assert.StartsWith("Entry 1 of $env:GEMINI_API_KEYS is skipped", warning);
            Assert.DoesNotContain(A, warning);
        }

        [Fact]
        public void NoNoteOrWarningEverHoldsAKey()
        {
            _environment["GEMINI_API_KEYS"] = $"alpha={A};beta={A};bad label={B};{C}";
            _environment["GEMINI_API_KEY"] = C;
            _environment["GOOGLE_API_KEY"] = "alpha=" + D;
            var config = Config($"keys:\n  - project: gamma\n    key: {D}\n  - key: {E}\n");

            var pool = KeyPoolBuilder.Build(Array.Empty<string>(), Environment, config);
            var explicitPool = KeyPoolBuilder.Build(new[] { A, "x=" + A, "y=" + A }, Environment, config);

            var messages = pool.Notes.Concat(pool.Warnings).Concat(explicitPool.Notes).Concat(explicitPool.Warnings).Concat(pool.Keys.Select(k => k.ToString())).ToList();
            Assert.True(messages.Count >= 10);
            foreach (var secret in new[] { A, B, C, D, E }) Assert.All(messages, m => Assert.DoesNotContain(secret, m));
        }

        private InterviewToolsConfig Config(string yaml)
        {
            var path = Path.Combine(_folder, "config.yaml");
            File.WriteAllText(path, yaml);
            var result = ConfigLoader.Load(path, Environment);
            Assert.Empty(result.Problems);
            return result.Config;
        }

        private string? Environment(string name) => _environment.TryGetValue(name, out var value) ? value : null;
    }
}
