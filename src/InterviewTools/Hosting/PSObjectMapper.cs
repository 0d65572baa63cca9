using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;

namespace InterviewTools.Hosting
{
    /// <summary>
    /// Turns pipeline objects into plain mappings, lists and scalars for the YAML writer: PSObject wrappers are
    /// unwrapped (powershell-yaml #157), PSCustomObject and typed objects become mappings in property order,
    /// and nesting is cut at a fixed depth instead of recursing forever.
    /// </summary>
    internal static class PSObjectMapper
    {
        private const int MaxDepth = 16;

        public static List<KeyValuePair<string, object?>> ToMapping(PSObject input) =>
            input.BaseObject is IDictionary dictionary ? Entries(dictionary, 0) : Mapping(input, 0);

        private static object? Value(object? value, int depth)
        {
            var unwrapped = value is PSObject wrapped && !(wrapped.BaseObject is PSCustomObject) ? wrapped.BaseObject : value;
            switch (unwrapped)
            {
                case null:
                    return null;
                case string _:
                case bool _:
                case char _:
                case System.DateTime _:
                case System.DateTimeOffset _:
                case System.TimeSpan _:
                case System.Guid _:
                case System.Enum _:
                    return unwrapped is char c ? c.ToString() : unwrapped;
                case SwitchParameter flag:
                    return flag.IsPresent;
            }
            if (unwrapped.GetType().IsPrimitive || unwrapped is decimal) return unwrapped;
            if (depth >= MaxDepth) return unwrapped.ToString();
            switch (unwrapped)
            {
                case IDictionary dictionary:
                    return Entries(dictionary, depth);
                case IEnumerable sequence:
                    return sequence.Cast<object?>().Select(item => Value(item, depth + 1)).ToList();
                case PSObject custom:
                    return Mapping(custom, depth);
                default:
                    return Mapping(PSObject.AsPSObject(unwrapped), depth);
            }
        }

        private static List<KeyValuePair<string, object?>> Entries(IDictionary dictionary, int depth) =>
            dictionary.Keys.Cast<object>()
                .Select(key => new KeyValuePair<string, object?>(key?.ToString() ?? string.Empty, Value(dictionary[key!], depth + 1)))
                .ToList();

        private static List<KeyValuePair<string, object?>> Mapping(PSObject input, int depth) =>
            input.Properties
                .Where(property => property.IsGettable && (property.MemberType & (PSMemberTypes.Property | PSMemberTypes.NoteProperty | PSMemberTypes.AliasProperty | PSMemberTypes.ScriptProperty | PSMemberTypes.CodeProperty)) != 0)
                .Select(property => new KeyValuePair<string, object?>(property.Name, Value(SafeValue(property), depth + 1)))
                .ToList();

        private static object? SafeValue(PSPropertyInfo property)
        {
            try
            {
                return property.Value;
            }
            catch (GetValueException e)
            {
                return "<error: " + e.Message + ">";
            }
        }
    }
}
