using System;
using System.Globalization;
using System.Text.RegularExpressions;

namespace InterviewTools.Engine.Gemini
{
    /// <summary>Parses Go duration strings ("18.597309548s", "10h17m5.72s", "800ms") as the 429 message prints them.</summary>
    internal static class GoDuration
    {
        private static readonly Regex Component = new Regex(@"(?<value>\d+(?:\.\d+)?)(?<unit>h|ms|us|µs|ns|m|s)", RegexOptions.Compiled);
        private static readonly Regex Whole = new Regex(@"^(?:\d+(?:\.\d+)?(?:h|ms|us|µs|ns|m|s))+$", RegexOptions.Compiled);

        public static bool TryParse(string text, out TimeSpan duration)
        {
            duration = TimeSpan.Zero;
            if (string.IsNullOrEmpty(text) || !Whole.IsMatch(text)) return false;
            double ticks = 0;
            foreach (Match m in Component.Matches(text))
            {
                var value = double.Parse(m.Groups["value"].Value, CultureInfo.InvariantCulture);
                ticks += value * TicksPer(m.Groups["unit"].Value);
            }
            duration = TimeSpan.FromTicks((long)ticks);
            return true;
        }

        private static double TicksPer(string unit) => unit switch
        {
            "h" => TimeSpan.TicksPerHour,
            "m" => TimeSpan.TicksPerMinute,
            "s" => TimeSpan.TicksPerSecond,
            "ms" => TimeSpan.TicksPerMillisecond,
            "ns" => 0.01,
            _ => 10,
        };
    }
}
