using System.Globalization;

namespace InterviewTools.Resources
{
    /// <summary>
    /// Fills in a message from <see cref="HostingMessages"/>: the text comes in the current UI culture (English when no
    /// translation exists), the values are formatted for the current culture.
    /// </summary>
    internal static class Message
    {
        public static string Format(string format, params object?[] values) => string.Format(CultureInfo.CurrentCulture, format, values);
    }
}
