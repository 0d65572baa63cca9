using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Xunit;

namespace InterviewTools.Engine.Tests.Architecture
{
    /// <summary>
    /// Every message in a Resources/*.resx of the shipped assemblies has a translation for each culture the module ships,
    /// and the translation fills in the same values: a missing key would fall back to English, a lost placeholder would
    /// drop a value, an extra one would throw a FormatException in the user's face.
    /// </summary>
    public sealed class LocalisedMessageTests
    {
        private static readonly string[] ShippedCultures = { "zh-CN" };
        private static readonly Regex Placeholder = new Regex(@"(?<!\{)\{(\d+)(?:[,:][^}]*)?\}", RegexOptions.Compiled);

        public static IEnumerable<object[]> Translations() =>
            from neutral in NeutralResourceFiles()
            from culture in ShippedCultures
            select new object[] { Path.GetFileName(Path.GetDirectoryName(Path.GetDirectoryName(neutral))!) + "/Resources/" + Path.GetFileName(neutral), culture };

        [Fact]
        public void TheEngineAndTheCmdletsEachHaveTheirMessages()
        {
            var owners = NeutralResourceFiles().Select(f => Path.GetFileName(Path.GetDirectoryName(Path.GetDirectoryName(f)))).ToArray();

            Assert.Contains("InterviewTools.Engine", owners);
            Assert.Contains("InterviewTools", owners);
        }

        [Theory]
        [MemberData(nameof(Translations))]
        public void EveryMessageHasATranslationWithTheSamePlaceholders(string resourceFile, string culture)
        {
            var neutral = Read(Samples.RepositoryFile("src", resourceFile));
            var translated = Read(Samples.RepositoryFile("src", resourceFile.Replace(".resx", "." + culture + ".resx")));

            Assert.Equal(neutral.Keys.OrderBy(k => k, StringComparer.Ordinal).ToArray(), translated.Keys.OrderBy(k => k, StringComparer.Ordinal).ToArray());
            var mismatched = neutral.Keys
                .Where(key => !Placeholders(neutral[key]).SequenceEqual(Placeholders(translated[key])))
                .Select(key => $"{key}: {{{string.Join(",", Placeholders(neutral[key]))}}} in English, {{{string.Join(",", Placeholders(translated[key]))}}} in {culture}")
                .ToList();
            Assert.Empty(mismatched);
        }

        [Theory]
        [MemberData(nameof(Translations))]
        public void EveryMessageFillsInAndIsTranslated(string resourceFile, string culture)
        {
            var neutral = Read(Samples.RepositoryFile("src", resourceFile));
            var translated = Read(Samples.RepositoryFile("src", resourceFile.Replace(".resx", "." + culture + ".resx")));

            var values = Enumerable.Range(0, 10).Cast<object>().ToArray();
            foreach (var text in neutral.Values.Concat(translated.Values))
            {
                var exception = Record.Exception(() => string.Format(CultureInfo.InvariantCulture, text, values));
                Assert.True(exception == null, $"'{text}' does not fill in: {exception?.Message}");
            }
            // A value copied from English is a translation left undone; every Chinese message has Chinese in it.
            var untranslated = culture.StartsWith("zh", StringComparison.Ordinal)
                ? translated.Where(pair => !Regex.IsMatch(pair.Value, @"\p{IsCJKUnifiedIdeographs}")).Select(pair => pair.Key).ToList()
                : translated.Where(pair => pair.Value == neutral[pair.Key]).Select(pair => pair.Key).ToList();
            Assert.Empty(untranslated);
        }

        private static IEnumerable<string> NeutralResourceFiles() =>
            Directory.EnumerateFiles(Samples.RepositoryFile("src"), "*.resx", SearchOption.AllDirectories)
                .Where(f => Path.GetFileName(Path.GetDirectoryName(f)) == "Resources" && Path.GetFileNameWithoutExtension(f).IndexOf('.') < 0)
                .Where(f => !f.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar));

        private static Dictionary<string, string> Read(string path) =>
            XDocument.Load(path).Root!.Elements("data").ToDictionary(d => (string)d.Attribute("name")!, d => (string)d.Element("value")!, StringComparer.Ordinal);

        private static int[] Placeholders(string text) =>
            Placeholder.Matches(text).Cast<Match>().Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).Distinct().OrderBy(i => i).ToArray();
    }
}
