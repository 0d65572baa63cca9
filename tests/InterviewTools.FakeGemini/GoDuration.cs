using System;
using System.Globalization;
using System.Linq;
using System.Text;

namespace InterviewTools.FakeGemini;

/// <summary>Go's time.Duration.String() (e.g. <c>18.597309548s</c>, <c>10h17m5.723541104s</c>, <c>800ms</c>), at tick precision.</summary>
internal static class GoDuration
{
    public static string Format(TimeSpan duration)
    {
        long nanos = duration.Ticks * 100;
        if (nanos == 0)
        {
            return "0s";
        }

        var sign = nanos < 0 ? "-" : string.Empty;
        ulong u = (ulong)Math.Abs(nanos);
        if (u < 1_000_000_000)
        {
            return sign + FormatSubSecond(u);
        }

        ulong hours = u / 3_600_000_000_000;
        ulong minutes = u / 60_000_000_000 % 60;
        ulong secondsNanos = u % 60_000_000_000;
        var text = new StringBuilder(sign);
        if (hours > 0)
        {
            text.Append(hours.ToString(CultureInfo.InvariantCulture)).Append('h');
        }

        if (hours > 0 || minutes > 0)
        {
            text.Append(minutes.ToString(CultureInfo.InvariantCulture)).Append('m');
        }

        return text.Append(Fraction(secondsNanos, 1_000_000_000)).Append('s').ToString();
    }

    /// <summary>protobuf Duration JSON as Google sends it in RetryInfo: whole seconds, truncated.</summary>
    public static string WholeSeconds(TimeSpan duration) =>
        ((long)Math.Floor(Math.Max(0, duration.TotalSeconds))).ToString(CultureInfo.InvariantCulture) + "s";

    private static string FormatSubSecond(ulong nanos)
    {
        if (nanos < 1_000)
        {
            return nanos.ToString(CultureInfo.InvariantCulture) + "ns";
        }

        return nanos < 1_000_000
            ? Fraction(nanos, 1_000) + "µs"
            : Fraction(nanos, 1_000_000) + "ms";
    }

    private static string Fraction(ulong value, ulong unit)
    {
        var whole = (value / unit).ToString(CultureInfo.InvariantCulture);
        ulong rest = value % unit;
        if (rest == 0)
        {
            return whole;
        }

        int digits = unit.ToString(CultureInfo.InvariantCulture).Length - 1;
        return whole + "." + rest.ToString(CultureInfo.InvariantCulture).PadLeft(digits, '0').TrimEnd('0');
    }
}
