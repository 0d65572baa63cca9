using System.Collections.Generic;
using System.Linq;

namespace InterviewTools.Engine.Tests.Yaml
{
    /// <summary>
    /// Text that YamlDotNet refuses, each with the line (of the text itself) where the refusal is reported. They cover the
    /// ways it refuses: a YamlException, the InvalidOperationException its scanner throws for a plain scalar inside an unclosed
    /// '[' or '{' (issue 13), the ArgumentException its node loader throws, and the NUL at which it would silently stop.
    /// </summary>
    public static class BrokenYaml
    {
        public sealed class Sample
        {
            public Sample(string name, string text, int line)
            {
                Name = name;
                Text = text;
                Line = line;
            }

            public string Name { get; }
            public string Text { get; }
            public int Line { get; }
            public bool OpensLikeJson => Text.TrimStart().StartsWith("{") || Text.TrimStart().StartsWith("[");
            public int LineCount => Text.Count(c => c == '\n');
            public override string ToString() => Name;
        }

        public static readonly Sample[] Rejected =
        {
            new Sample("issue 13: an unclosed [ then {", "keys: [unclosed\nmodels: {\n", 2),
            new Sample("an unclosed flow sequence", "models: [gemini-3.5-flash, gemini-3.1-flash-lite\nmaxWaitSec: 5\n", 2),
            new Sample("an unclosed flow mapping", "limits:\n  gemini-3.5-flash: { rpm: 5\nmaxWaitSec: 5\n", 3),
            new Sample("a lone {", "{\n", 2),
            new Sample("a lone [", "[\n", 2),
            new Sample("10,000 nested [", new string('[', 10_000) + "\n", 1),
            new Sample("100,000 nested [ ] that would overflow the stack", "models: " + new string('[', 100_000) + new string(']', 100_000) + "\n", 1),
            new Sample("a tab as indentation", "limits:\n\tgemini-3.5-flash: { rpm: 5 }\n", 1),
            new Sample("a stray double quote", "models: [\"gemini-3.5-flash]\nmaxWaitSec: 5\n", 1),
            new Sample("a stray single quote", "endpoint: 'https://example.com\n", 1),
            new Sample("an alias of an unknown anchor", "maxWaitSec: 5\nmodels: *unknown\n", 2),
            new Sample("a NUL byte", "maxWaitSec: 5\0\nthrottleLimit: 2\n", 1),
            new Sample("a \\U escape beyond Unicode", "endpoint: \"\\U99999999\"\n", 1),
            new Sample("a mapping inside a plain scalar", "maxWaitSec: 5\n  throttleLimit: 2\n", 2),
            new Sample("a duplicate key", "maxWaitSec: 5\nmaxWaitSec: 6\n", 2),
            new Sample("a value without its key", "limits:\n  n:\n   : rpd: 1\nx: |\n  lit\n", 4),
            new Sample("a key in an unclosed quote", "keys:\n  - key: 'AIzaSyLiteral0000000000000000000000001\n", 2),
        };

        /// <summary>Odd, but YAML: each must be read without an exception.</summary>
        public static readonly string[] Accepted =
        {
            "models: &anchor\n", "&anchor\n", "? \n", "maxWaitSec: 5\n\uFEFFthrottleLimit: 2\n", "models: [&a]\n", "? [a, b]\n: c\n",
        };

        /// <summary>What YamlDotNet's own text looks like; none of it may reach a user on its own.</summary>
        public static readonly string[] RawText = { "Operation is not valid", "Line: ", "Idx: ", "(Parameter", "The current event is of an unsupported type" };

        public static IEnumerable<object[]> RejectedCases() => Rejected.Select(s => new object[] { s.Name });

        public static Sample Named(string name) => Rejected.Single(s => s.Name == name);
    }
}
