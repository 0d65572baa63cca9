using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Reflection.Emit;

namespace InterviewTools.Engine.Tests.Architecture
{
    /// <summary>
    /// Which engine folder uses which, read from the compiled assembly: every type's base, interfaces, attributes, fields,
    /// signatures and the members its method bodies touch (IL operands), so a call hidden in a method body counts too.
    /// A folder is the namespace segment after "InterviewTools.Engine"; types in the root namespace form the folder "(root)".
    /// </summary>
    internal static class FolderDependencies
    {
        private const string Prefix = "InterviewTools.Engine";
        private const BindingFlags Everything = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => (OpCode)f.GetValue(null)!).ToDictionary(o => o.Value);

        public static string? FolderOf(Type type)
        {
            var ns = type.Namespace;
            if (ns == null || !(ns == Prefix || ns.StartsWith(Prefix + ".", StringComparison.Ordinal))) return null;
            return ns == Prefix ? "(root)" : ns.Substring(Prefix.Length + 1).Split('.')[0];
        }

        /// <summary>Folder → the other folders its types use, each with one example ("Type → Type") for the failure message.</summary>
        public static Dictionary<string, Dictionary<string, string>> Of(Assembly assembly)
        {
            var graph = new Dictionary<string, Dictionary<string, string>>();
            foreach (var type in assembly.GetTypes())
            {
                var from = FolderOf(Outermost(type));
                if (from == null) continue;
                if (!graph.TryGetValue(from, out var edges)) graph[from] = edges = new Dictionary<string, string>();
                foreach (var used in Referenced(type))
                {
                    var to = FolderOf(Outermost(used));
                    if (to == null || to == from || used.Assembly != assembly) continue;
                    if (!edges.ContainsKey(to)) edges[to] = $"{type.FullName} uses {used.FullName}";
                }
            }
            return graph;
        }

        /// <summary>Sets of folders that reach each other (strongly connected components with more than one folder).</summary>
        public static List<List<string>> Cycles(Dictionary<string, Dictionary<string, string>> graph)
        {
            var index = 0;
            var stack = new Stack<string>();
            var indices = new Dictionary<string, int>();
            var low = new Dictionary<string, int>();
            var onStack = new HashSet<string>();
            var result = new List<List<string>>();

            void Visit(string node)
            {
                indices[node] = low[node] = index++;
                stack.Push(node);
                onStack.Add(node);
                foreach (var next in graph.TryGetValue(node, out var edges) ? edges.Keys : Enumerable.Empty<string>())
                {
                    if (!indices.ContainsKey(next))
                    {
                        Visit(next);
                        low[node] = Math.Min(low[node], low[next]);
                    }
                    else if (onStack.Contains(next))
                    {
                        low[node] = Math.Min(low[node], indices[next]);
                    }
                }
                if (low[node] != indices[node]) return;
                var component = new List<string>();
                string member;
                do
                {
                    member = stack.Pop();
                    onStack.Remove(member);
                    component.Add(member);
                }
                while (member != node);
                if (component.Count > 1) result.Add(component.OrderBy(c => c, StringComparer.Ordinal).ToList());
            }

            foreach (var node in graph.Keys.OrderBy(k => k, StringComparer.Ordinal))
            {
                if (!indices.ContainsKey(node)) Visit(node);
            }
            return result;
        }

        private static Type Outermost(Type type)
        {
            while (type.DeclaringType != null) type = type.DeclaringType;
            return type;
        }

        private static IEnumerable<Type> Referenced(Type type)
        {
            var found = new HashSet<Type>();
            void Add(Type? t)
            {
                if (t == null) return;
                if (t.IsArray || t.IsByRef || t.IsPointer)
                {
                    Add(t.GetElementType());
                    return;
                }
                if (t.IsGenericParameter) return;
                if (t.IsConstructedGenericType)
                {
                    Add(t.GetGenericTypeDefinition());
                    foreach (var argument in t.GetGenericArguments()) Add(argument);
                    return;
                }
                found.Add(t);
            }

            Add(type.BaseType);
            foreach (var i in type.GetInterfaces()) Add(i);
            foreach (var a in type.CustomAttributes) Add(a.AttributeType);
            foreach (var field in type.GetFields(Everything)) Add(field.FieldType);
            foreach (var property in type.GetProperties(Everything)) Add(property.PropertyType);
            foreach (var e in type.GetEvents(Everything)) Add(e.EventHandlerType);
            foreach (var method in type.GetMethods(Everything).Cast<MethodBase>().Concat(type.GetConstructors(Everything)))
            {
                if (method is MethodInfo info) Add(info.ReturnType);
                foreach (var parameter in method.GetParameters()) Add(parameter.ParameterType);
                foreach (var used in BodyReferences(method)) Add(used);
            }
            return found;
        }

        /// <summary>The types a method body names: through the members it calls or reads and the type tokens it loads.</summary>
        private static IEnumerable<Type> BodyReferences(MethodBase method)
        {
            var body = method.GetMethodBody();
            if (body == null) yield break;
            foreach (var local in body.LocalVariables) yield return local.LocalType;
            var il = body.GetILAsByteArray();
            if (il == null) yield break;
            var module = method.Module;
            var typeArguments = method.DeclaringType != null && method.DeclaringType.IsGenericType ? method.DeclaringType.GetGenericArguments() : null;
            var methodArguments = method.IsGenericMethod ? method.GetGenericArguments() : null;
            var position = 0;
            while (position < il.Length)
            {
                short value = il[position++];
                if (value == 0xFE) value = unchecked((short)(0xFE00 | il[position++]));
                var opcode = OpCodesByValue[value];
                switch (opcode.OperandType)
                {
                    case OperandType.InlineNone:
                        break;
                    case OperandType.ShortInlineBrTarget:
                    case OperandType.ShortInlineI:
                    case OperandType.ShortInlineVar:
                        position += 1;
                        break;
                    case OperandType.InlineVar:
                        position += 2;
                        break;
                    case OperandType.InlineI8:
                    case OperandType.InlineR:
                        position += 8;
                        break;
                    case OperandType.InlineSwitch:
                        var count = BitConverter.ToInt32(il, position);
                        position += 4 + 4 * count;
                        break;
                    case OperandType.InlineMethod:
                    case OperandType.InlineField:
                    case OperandType.InlineType:
                    case OperandType.InlineTok:
                        var token = BitConverter.ToInt32(il, position);
                        position += 4;
                        MemberInfo? member = null;
                        try
                        {
                            member = module.ResolveMember(token, typeArguments, methodArguments);
                        }
                        catch (ArgumentException)
                        {
                        }
                        if (member is Type t) yield return t;
                        else if (member != null && member.DeclaringType != null) yield return member.DeclaringType;
                        if (member is MethodInfo m) yield return m.ReturnType;
                        if (member is FieldInfo f) yield return f.FieldType;
                        break;
                    default:
                        position += 4;
                        break;
                }
            }
        }
    }
}
