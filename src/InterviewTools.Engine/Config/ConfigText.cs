using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using InterviewTools.Engine.Common;
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
                ? "'" + fromFile + "'"
                : $"a {fromFile.Length}-character name ({ApiKey.FingerprintOf(fromFile)})";

        public static bool LooksLikeGoogleKey(string text) => text.StartsWith("AIza", StringComparison.Ordinal);

        /// <summary>Replaces every scalar, anchor and tag of <paramref name="yaml"/> that occurs in the parser's message by its fingerprint.</summary>
        public static string ScrubParserMessage(YamlException error, string yaml, ISet<string> fieldNames)
        {
            var message = error.Message;
            foreach (var value in Tokens(yaml).Where(v => v.Length >= ShortestScrubbed && !fieldNames.Contains(v)).Distinct().OrderByDescending(v => v.Length))
            {
                if (message.IndexOf(value, StringComparison.Ordinal) >= 0) message = message.Replace(value, ApiKey.FingerprintOf(value));
            }
            return message;
        }

        private static IEnumerable<string> Tokens(string yaml)
        {
            var values = new List<string>();
            var scanner = new Scanner(new StringReader(yaml), skipComments: true);
            try
            {
                // The scanner can keep yielding tokens without advancing at a spot the parser rejects; no sound file has this many.
                for (var count = 0; count <= 4 * yaml.Length + 16 && scanner.MoveNext(); count++)
                {
                    switch (scanner.Current)
                    {
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
            catch (YamlException)
            {
                // The scan stops where the file breaks; what came before is all a message can quote.
            }
            return values;
        }
    }
}
