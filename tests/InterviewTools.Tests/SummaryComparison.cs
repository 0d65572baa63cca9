using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Reflection;
using Xunit;

namespace InterviewTools.Tests
{
    /// <summary>
    /// Compares PostSummary objects property by property through reflection on the module's own type, so a property
    /// added later is compared too. Timestamps must match in offset as well as instant (EqualsExact).
    /// </summary>
    public static class SummaryComparison
    {
        public static void AssertSame(IReadOnlyList<PSObject> expected, IReadOnlyList<PSObject> actual)
        {
            Assert.Equal(expected.Count, actual.Count);
            for (var i = 0; i < expected.Count; i++)
            {
                var want = expected[i].BaseObject;
                var got = actual[i].BaseObject;
                Assert.Equal(want.GetType(), got.GetType());
                foreach (var property in Properties(want.GetType()))
                {
                    var a = property.GetValue(want);
                    var b = property.GetValue(got);
                    Assert.True(Same(a, b), $"summary {i + 1}, {property.Name}: exported {Show(a)}, imported {Show(b)}");
                }
            }
        }

        public static PropertyInfo[] Properties(Type summaryType) =>
            summaryType.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanRead && p.CanWrite).ToArray();

        private static bool Same(object? a, object? b) => (a, b) switch
        {
            (null, null) => true,
            (string[] x, string[] y) => x.SequenceEqual(y, StringComparer.Ordinal),
            (DateTimeOffset x, DateTimeOffset y) => x.EqualsExact(y),
            (string x, string y) => string.Equals(x, y, StringComparison.Ordinal),
            _ => Equals(a, b),
        };

        private static string Show(object? value) => value switch
        {
            null => "null",
            string[] list => "[" + string.Join(", ", list.Select(s => Show(s))) + "]",
            string text => "\"" + Escape(text.Length > 60 ? text.Substring(0, 60) + "…" : text) + "\"",
            DateTimeOffset moment => moment.ToString("o"),
            _ => value.ToString() ?? string.Empty,
        };

        private static string Escape(string text) => text.Replace("\r", "\\r").Replace("\n", "\\n").Replace("\t", "\\t");
    }
}
