using System;
using System.Collections.Generic;
using System.Linq;

namespace InterviewTools.Tests
{
    /// <summary>
    /// PostSummary objects whose every property holds something YAML finds awkward. They are built through reflection on
    /// the module's type, and a property of a type this class does not know fails loudly, so a new property cannot slip
    /// past the round-trip tests.
    /// </summary>
    public static class AdversarialSummaries
    {
        public static readonly string[] Texts =
        {
            "a: b # not a comment", "- not a list", "? not a key", "| not a block", "> not folded", "'single' and \"double\"", "@at `tick %percent !bang &anchor *alias",
            "{brace} [bracket] ,comma #hash", "key: value\nnext: line", "---", "...", "text\n---\nmore\n...\nend", "--- inline marker", "... inline end",
            " leading", "trailing ", "  both  ", "line 1\r\nline 2\r\n", "tab\there", "tab\n\tindented", "emoji 😀👍🏽👨‍👩‍👧 and 中文【面经】",
            "nel\u0085 ls\u2028 ps\u2029", "bom\uFEFF", "bell\u0007 nul\0", "\n", "\n\nleading breaks", "trailing breaks\n\n\n", "trailing space \nnext",
            "# looks like a comment\nline", "  indented first\nsecond", "true", "null", "~", "", "123", "-0", "0x1F", "1e3", ".inf", "2026-11-23",
            "12:30:45", "yes", "NO", "多行中文\n第二行：冒号\n- 破折号开头\n# 井号开头",
            string.Concat(Enumerable.Repeat("很长的一行，很长的一行 with words: and # marks ", 1500)),
        };

        public static List<object> Create(Type summaryType) => Texts.Select((text, i) => Create(summaryType, text, i)).ToList();

        private static object Create(Type summaryType, string text, int index)
        {
            var summary = Activator.CreateInstance(summaryType)!;
            foreach (var property in SummaryComparison.Properties(summaryType))
            {
                property.SetValue(summary, ValueFor(property.PropertyType, property.Name, text, index));
            }
            return summary;
        }

        private static object? ValueFor(Type type, string name, string text, int index)
        {
            if (type == typeof(string)) return name == "Title" && index % 4 == 0 ? null : text;
            if (type == typeof(string[]))
            {
                return (index % 5) switch
                {
                    0 => Array.Empty<string>(),
                    1 => new[] { text },
                    _ => new[] { text, "plain", Texts[(index + 1) % Texts.Length], string.Empty },
                };
            }
            if (type.IsEnum)
            {
                var members = Enum.GetValues(type);
                return members.GetValue(index % members.Length);
            }
            if (type == typeof(bool)) return index % 2 == 1;
            if (type == typeof(int)) return index switch { 0 => int.MinValue, 1 => int.MaxValue, _ => index * 7919 - 3000 };
            if (type == typeof(decimal)) return index switch { 0 => decimal.MaxValue, 1 => 0.0000001m, 2 => -1.5m, _ => index * 0.1234567m };
            if (type == typeof(TimeSpan)) return index == 0 ? TimeSpan.MaxValue : new TimeSpan(index % 3, 1, 2, 3).Add(TimeSpan.FromTicks(index * 12345)).Negate();
            if (type == typeof(DateTimeOffset)) return Moment(index);
            if (type == typeof(DateTimeOffset?)) return index % 3 == 0 ? null : Moment(index + 1);
            throw new NotSupportedException($"PostSummary.{name} is a {type}; teach AdversarialSummaries a tricky value for it.");
        }

        private static DateTimeOffset Moment(int index) =>
            new DateTimeOffset(2026, 11, 23, 7, 42, 10, TimeSpan.FromMinutes((index % 7 - 3) * 150)).AddTicks(index * 1234567);
    }
}
