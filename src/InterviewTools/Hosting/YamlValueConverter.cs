using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace InterviewTools.Hosting
{
    /// <summary>Reads the scalars YamlDocumentWriter writes back into the .NET types they came from.</summary>
    internal static class YamlValueConverter
    {
        public static bool TryConvert(object? value, Type type, out object? converted, out string expected)
        {
            var underlying = Nullable.GetUnderlyingType(type);
            if (underlying != null)
            {
                if (value == null)
                {
                    converted = null;
                    expected = string.Empty;
                    return true;
                }
                type = underlying;
            }
            if (type == typeof(string[])) return TryStrings(value, out converted, out expected);
            if (type == typeof(string))
            {
                expected = "text";
                converted = value;
                return value == null || value is string;
            }
            expected = Expected(type);
            converted = null;
            if (type == typeof(DateTimeOffset) && value is List<KeyValuePair<string, object?>> parts)
            {
                converted = MomentFromParts(parts);
                return converted != null;
            }
            if (!(value is string text)) return false;
            converted = Parse(text, type);
            return converted != null;
        }

        private static bool TryStrings(object? value, out object? converted, out string expected)
        {
            expected = "a list of text";
            converted = null;
            if (value == null) return true;
            if (!(value is List<object?> items) || items.Any(item => item != null && !(item is string))) return false;
            converted = items.Cast<string?>().ToArray();
            return true;
        }

        private static object? Parse(string text, Type type)
        {
            var invariant = CultureInfo.InvariantCulture;
            if (type.IsEnum) return IsName(text) && TryEnum(type, text, out var member) ? member : null;
            if (type == typeof(bool)) return bool.TryParse(text, out var flag) ? flag : (object?)null;
            if (type == typeof(int)) return int.TryParse(text, NumberStyles.AllowLeadingSign, invariant, out var number) ? number : (object?)null;
            if (type == typeof(long)) return long.TryParse(text, NumberStyles.AllowLeadingSign, invariant, out var big) ? big : (object?)null;
            if (type == typeof(double)) return TryReal(text, out var real) ? real : (object?)null;
            if (type == typeof(decimal)) return decimal.TryParse(text, NumberStyles.Float, invariant, out var money) ? money : (object?)null;
            if (type == typeof(TimeSpan))
            {
                return TimeSpan.TryParseExact(text, "c", invariant, out var span) || TimeSpan.TryParse(text, invariant, out span) ? span : (object?)null;
            }
            if (type == typeof(DateTimeOffset))
            {
                return DateTimeOffset.TryParseExact(text, "o", invariant, DateTimeStyles.RoundtripKind, out var moment)
                    || DateTimeOffset.TryParse(text, invariant, DateTimeStyles.AssumeUniversal, out moment) ? moment : (object?)null;
            }
            if (type == typeof(DateTime)) return DateTime.TryParse(text, invariant, DateTimeStyles.RoundtripKind, out var time) ? time : (object?)null;
            return null;
        }

        /// <summary>
        /// YamlDotNet's serializer, and so powershell-yaml's ConvertTo-Yaml, writes a DateTimeOffset as the mapping of its
        /// properties; Ticks and Offset (or DateTime and Offset) give it back exactly.
        /// </summary>
        private static DateTimeOffset? MomentFromParts(List<KeyValuePair<string, object?>> parts)
        {
            string? Part(string name) => parts.Where(p => p.Key == name).Select(p => p.Value as string).FirstOrDefault();
            var invariant = CultureInfo.InvariantCulture;
            if (!TimeSpan.TryParse(Part("Offset") ?? string.Empty, invariant, out var offset)) return null;
            try
            {
                if (long.TryParse(Part("Ticks"), NumberStyles.None, invariant, out var ticks)) return new DateTimeOffset(ticks, offset);
                if (DateTime.TryParse(Part("DateTime"), invariant, DateTimeStyles.None, out var clock)) return new DateTimeOffset(DateTime.SpecifyKind(clock, DateTimeKind.Unspecified), offset);
            }
            catch (ArgumentOutOfRangeException)
            {
                // Ticks or an offset outside what a DateTimeOffset can hold: not a timestamp.
            }
            return null;
        }

        private static bool TryEnum(Type type, string text, out object? member)
        {
            try
            {
                member = Enum.Parse(type, text, ignoreCase: true);
                return true;
            }
            catch (ArgumentException)
            {
                member = null;
                return false;
            }
        }

        /// <summary>Enum.Parse also takes numbers, which would let any integer through as an undefined member.</summary>
        private static bool IsName(string text) => text.Trim().Length > 0 && !char.IsDigit(text.Trim()[0]) && text.Trim()[0] != '-' && text.Trim()[0] != '+';

        private static bool TryReal(string text, out double real)
        {
            switch (text)
            {
                case ".nan":
                    real = double.NaN;
                    return true;
                case ".inf":
                    real = double.PositiveInfinity;
                    return true;
                case "-.inf":
                    real = double.NegativeInfinity;
                    return true;
            }
            return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out real);
        }

        private static string Expected(Type type)
        {
            if (type.IsEnum) return "one of " + string.Join(", ", Enum.GetNames(type));
            if (type == typeof(bool)) return "true or false";
            if (type == typeof(int) || type == typeof(long)) return "a whole number";
            if (type == typeof(double) || type == typeof(decimal)) return "a number";
            if (type == typeof(TimeSpan)) return "a duration such as \"00:00:02.5000000\"";
            if (type == typeof(DateTimeOffset) || type == typeof(DateTime)) return "an ISO 8601 timestamp";
            return "a " + type.Name + ", which Import-PostSummary cannot read";
        }
    }
}
