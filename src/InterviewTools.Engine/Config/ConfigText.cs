using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using InterviewTools.Engine.Common;
using InterviewTools.Engine.Yaml;
using YamlDotNet.Core;
using YamlDotNet.Core.Tokens;

namespace InterviewTools.Engine.Config
{
    /// <summary>
    /// Keeps text from the config file out of messages when it might be a key: a key pasted in the wrong place
    /// (as a setting name, an anchor or a variable name) must not end up on the screen or in a log.
    /// </summary>
    internal static class ConfigText
    {
        private const int LongestShownName = 23;

        /// <summary>Shorter file text is left alone in parser messages: no key is this short, and words such as an anchor name stay readable.</summary>
        private const int ShortestScrubbed = 12;

        /// <summary>Quotes a name from the file, or shows only its fingerprint when it is long enough to be a key.</summary>
        public static string Echo(string fromFile) =>
            fromFile.Length <= LongestShownName && !LooksLikeGoogleKey(fromFile)
                ? "'" + Visible(fromFile) + "'"
                : $"a {fromFile.Length}-character name ({ApiKey.FingerprintOf(fromFile)})";

        /// <summary>An invisible character, such as a byte order mark left where two files were joined, is shown as its code.</summary>
        private static string Visible(string text)
        {
            var shown = new StringBuilder(text.Length);
            foreach (var c in text)
            {
                var category = char.GetUnicodeCategory(c);
                var invisible = category == UnicodeCategory.Control || category == UnicodeCategory.Format || category == UnicodeCategory.Surrogate;
                if (invisible) shown.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                else shown.Append(c);
            }
            return shown.ToString();
        }

        /// <summary>Both shapes of a Gemini key: the standard AIza… key and the 2026 AQ.… auth key.</summary>
        public static bool LooksLikeGoogleKey(string text) =>
            text.StartsWith("AIza", StringComparison.Ordinal) || text.StartsWith("AQ.", StringComparison.Ordinal);

        /// <summary>Replaces every scalar, anchor and tag of <paramref name="yaml"/> that occurs in the reason of the error by its fingerprint.</summary>
        public static string ScrubParserMessage(YamlSyntaxError error, string yaml, ISet<string> fieldNames)
        {
            var message = error.Reason;
            foreach (var value in Tokens(yaml, error.Line).Where(v => v.Length >= ShortestScrubbed && !fieldNames.Contains(v)).Distinct().OrderByDescending(v => v.Length))
            {
                if (message.IndexOf(value, StringComparison.Ordinal) >= 0) message = message.Replace(value, ApiKey.FingerprintOf(value));
            }
            return message;
        }

        /// <summary>
        /// The values up to the error's line, which is all its message can quote. The scan also stops where the loader's depth
        /// limit stopped it: YamlDotNet's scanner slows down with each open '[' or '{', and 100,000 of them would take a minute.
        /// </summary>
        private static IEnumerable<string> Tokens(string yaml, int lastLine)
        {
            var values = new List<string>();
            var scanner = new Scanner(new StringReader(yaml), skipComments: true);
            var flowDepth = 0;
            try
            {
                // The scanner can keep yielding tokens without advancing at a spot the parser rejects; no sound file has this many.
                for (var count = 0; count <= 4 * yaml.Length + 16 && scanner.MoveNext(); count++)
                {
                    if (scanner.Current!.Start.Line > lastLine) break;
                    switch (scanner.Current)
                    {
                        case FlowSequenceStart _:
                        case FlowMappingStart _:
                            if (++flowDepth > GuardedParser.MaxDepth) return values;
                            break;
                        case FlowSequenceEnd _:
                        case FlowMappingEnd _:
                            flowDepth--;
                            break;
                        case Scalar scalar:
                            values.Add(scalar.Value);
                            break;
                        case Anchor anchor:
                            values.Add(anchor.Value.ToString());
                            break;
                        case AnchorAlias alias:
                            values.Add(alias.Value.ToString());
                            break;
                        case Tag tag:
                            values.Add(tag.Suffix);
                            break;
                    }
                }
            }
            catch (Exception e) when (YamlLoader.IsReaderFailure(e))
            {
                // The scan stops where the file breaks; what came before is all a message can quote.
            }
            return values;
        }
    }
}
