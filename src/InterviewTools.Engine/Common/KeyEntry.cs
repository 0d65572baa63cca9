using System.Text.RegularExpressions;

namespace InterviewTools.Engine.Common
{
    /// <summary>One key as a user writes it: the key alone, or <c>project=KEY</c>. Keys never contain '=', so the first '=' ends the label.</summary>
    internal sealed class KeyEntry
    {
        private static readonly Regex LabelShape = new Regex("^[A-Za-z0-9._-]+$", RegexOptions.CultureInvariant);

        private KeyEntry(string? project, string key)
        {
            Project = project;
            Key = key;
        }

        public string? Project { get; }

        internal string Key { get; }

        public static bool IsValidLabel(string? label) => label != null && LabelShape.IsMatch(label);

        /// <summary>Null for a blank entry. <paramref name="problem"/> says what is wrong without repeating the entry, which may hold a key.</summary>
        public static KeyEntry? Parse(string entry, out string? problem)
        {
            problem = null;
            var text = entry.Trim();
            if (text.Length == 0) return null;
            var equals = text.IndexOf('=');
            if (equals < 0) return new KeyEntry(null, text);
            var label = text.Substring(0, equals).Trim();
            var key = text.Substring(equals + 1).Trim();
            if (!IsValidLabel(label))
            {
                problem = "the project label before '=' may hold only letters, digits, '.', '_' and '-'";
                return null;
            }
            if (key.Length == 0)
            {
                problem = $"project '{label}' is given no key after '='";
                return null;
            }
            if (key.IndexOf('=') >= 0)
            {
                problem = "it holds more than one '=' (a key never contains '=')";
                return null;
            }
            return new KeyEntry(label, key);
        }
    }
}
