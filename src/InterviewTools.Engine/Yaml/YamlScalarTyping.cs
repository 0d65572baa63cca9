using System.Text.RegularExpressions;

namespace InterviewTools.Engine.Yaml
{
    /// <summary>
    /// Plain scalars that a YAML 1.1 or 1.2 reader (YamlDotNet, powershell-yaml) would turn into something other than a
    /// string. Such strings are written quoted so they come back as the same text.
    /// </summary>
    internal static class YamlScalarTyping
    {
        private static readonly Regex NonString = new Regex(
            @"^(?:~|null|Null|NULL|true|True|TRUE|false|False|FALSE|yes|Yes|YES|no|No|NO|on|On|ON|off|Off|OFF|y|Y|n|N" +
            @"|[-+]?(?:0|[1-9][0-9_]*)|0o?[0-7_]+|0x[0-9a-fA-F_]+|0b[01_]+" +
            @"|[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*(?:[eE][-+]?[0-9]+)?|[-+]?[0-9][0-9_]*(?:\.[0-9_]*)?[eE][-+]?[0-9]+" +
            @"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)" +
            @"|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?" +
            @"|\d{4}-\d{1,2}-\d{1,2}(?:[Tt ]\S*)?)$",
            RegexOptions.Compiled);

        public static bool ReadsAsNonString(string text) => text.Length == 0 || NonString.IsMatch(text.Trim()) || text.Trim() != text;
    }
}
