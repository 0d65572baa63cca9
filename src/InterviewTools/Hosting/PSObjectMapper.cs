using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;
using System.Numerics;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Security;

namespace InterviewTools.Hosting
{
    /// <summary>
    /// Turns a pipeline object into plain mappings, lists and scalars for the YAML writer, by these rules:
    /// <list type="bullet">
    /// <item>PSObject wrappers are unwrapped at every level (powershell-yaml #157); notes added to a string stay off.</item>
    /// <item>PSCustomObjects and typed objects become mappings of their properties in PowerShell's order: the instance
    /// properties (NoteProperty, ScriptProperty, Add-Member) and, for typed objects, their public readable .NET
    /// properties. Type-level ETS members (types.ps1xml, such as FileInfo.BaseName) are left out.</item>
    /// <item>Dictionaries become mappings, other enumerables lists.</item>
    /// <item>Objects of the PowerShell engine and of reflection (ScriptBlock, ErrorRecord, PSDriveInfo, Type, delegates)
    /// are written as text, never dumped member by member; a ScriptBlock's text is its source.</item>
    /// <item>Typed objects nest at most <see cref="MaxTypedDepth"/> deep (deeper ones are written as text), so object
    /// graphs such as FileInfo.Directory.Parent stay small; everything nests at most <see cref="MaxDepth"/> deep, and a
    /// value that refers back to an object it is inside is written as text. Both cuts are reported.</item>
    /// </list>
    /// </summary>
    internal sealed class PSObjectMapper
    {
        public const int MaxDepth = 16;
        public const int MaxTypedDepth = 3;

        private const PSMemberTypes InstanceProperties = PSMemberTypes.NoteProperty | PSMemberTypes.ScriptProperty | PSMemberTypes.AliasProperty | PSMemberTypes.CodeProperty;

        private readonly HashSet<object> _open = new HashSet<object>(ReferenceComparer.Instance);
        private int _typedDepth;

        private PSObjectMapper()
        {
        }

        /// <summary>True when a value was cut at <see cref="MaxDepth"/> or at a cycle and written as text.</summary>
        public bool Truncated { get; private set; }

        /// <summary>True for values written as one scalar rather than as a mapping of properties.</summary>
        public static bool IsWrittenAsText(object value) => TryScalar(value, out _) || IsEngineOrReflection(value.GetType());

        public static List<KeyValuePair<string, object?>> ToMapping(PSObject input, out bool truncated)
        {
            var mapper = new PSObjectMapper();
            var mapping = mapper.Value(input, 0) as List<KeyValuePair<string, object?>> ?? new List<KeyValuePair<string, object?>>();
            truncated = mapper.Truncated;
            return mapping;
        }

        private object? Value(object? value, int depth)
        {
            var wrapper = value as PSObject;
            var raw = wrapper != null ? wrapper.BaseObject : value;
            if (raw == null || raw is DBNull) return null;
            if (TryScalar(raw, out var scalar)) return scalar;
            if (IsEngineOrReflection(raw.GetType())) return Text(raw);

            // Every PSCustomObject shares one base object, so its wrapper is what identifies it.
            var identity = raw is PSCustomObject ? (object?)wrapper : raw.GetType().IsValueType ? null : raw;
            if (depth >= MaxDepth || (identity != null && !_open.Add(identity)))
            {
                Truncated = true;
                return Text(raw);
            }
            try
            {
                switch (raw)
                {
                    case IDictionary dictionary:
                        return Entries(dictionary, depth);
                    case PSCustomObject _:
                        return wrapper == null ? new List<KeyValuePair<string, object?>>() : Properties(wrapper, depth);
                    case IEnumerable sequence:
                        return Items(sequence, depth);
                }
                if (_typedDepth >= MaxTypedDepth) return Text(raw);
                _typedDepth++;
                try
                {
                    return Properties(wrapper ?? PSObject.AsPSObject(raw), depth);
                }
                finally
                {
                    _typedDepth--;
                }
            }
            finally
            {
                if (identity != null) _open.Remove(identity);
            }
        }

        private List<KeyValuePair<string, object?>> Entries(IDictionary dictionary, int depth)
        {
            var pairs = new List<KeyValuePair<string, object?>>(dictionary.Count);
            foreach (DictionaryEntry entry in dictionary)
            {
                pairs.Add(new KeyValuePair<string, object?>(Text(entry.Key), Value(entry.Value, depth + 1)));
            }
            return pairs;
        }

        private List<object?> Items(IEnumerable sequence, int depth)
        {
            var items = new List<object?>();
            foreach (var item in sequence) items.Add(Value(item, depth + 1));
            return items;
        }

        private List<KeyValuePair<string, object?>> Properties(PSObject item, int depth)
        {
            var pairs = new List<KeyValuePair<string, object?>>();
            foreach (var property in item.Properties)
            {
                var adapted = property.MemberType == PSMemberTypes.Property;
                var instance = property.IsInstance && (property.MemberType & InstanceProperties) != 0;
                if ((adapted || instance) && property.IsGettable) pairs.Add(new KeyValuePair<string, object?>(property.Name, Value(Read(property), depth + 1)));
            }
            return pairs;
        }

        /// <summary>A getter that throws gives null, as in PowerShell's own formatting.</summary>
        private static object? Read(PSPropertyInfo property)
        {
            try
            {
                return property.Value;
            }
            catch (ExtendedTypeSystemException)
            {
                return null;
            }
        }

        private static bool TryScalar(object value, out object? scalar)
        {
            switch (value)
            {
                case string _:
                case bool _:
                case DateTime _:
                case DateTimeOffset _:
                case TimeSpan _:
                case Enum _:
                case decimal _:
                case BigInteger _:
                    scalar = value;
                    return true;
                case char c:
                    scalar = c.ToString();
                    return true;
                case SwitchParameter flag:
                    scalar = flag.IsPresent;
                    return true;
                case ScriptBlock script:
                    scalar = script.ToString();
                    return true;
                case Guid _:
                case Uri _:
                case Version _:
                case IntPtr _:
                case UIntPtr _:
                case SecureString _:
                    scalar = Text(value);
                    return true;
            }
            scalar = value;
            return value.GetType().IsPrimitive;
        }

        private static bool IsEngineOrReflection(Type type) =>
            type.Assembly == typeof(PSObject).Assembly && type != typeof(PSCustomObject)
            || typeof(MemberInfo).IsAssignableFrom(type) || typeof(Assembly).IsAssignableFrom(type) || typeof(Module).IsAssignableFrom(type)
            || typeof(ParameterInfo).IsAssignableFrom(type) || typeof(Delegate).IsAssignableFrom(type);

        private static string Text(object? value) => Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty;

        private sealed class ReferenceComparer : IEqualityComparer<object>
        {
            public static readonly ReferenceComparer Instance = new ReferenceComparer();

            public new bool Equals(object? x, object? y) => ReferenceEquals(x, y);

            public int GetHashCode(object obj) => RuntimeHelpers.GetHashCode(obj);
        }
    }
}
