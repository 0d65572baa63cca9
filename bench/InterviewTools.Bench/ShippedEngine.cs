using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;

namespace InterviewTools.Bench;

/// <summary>
/// The engine the module ships, loaded the way the module loads it (its own DependencyLoadContext over Dependencies/),
/// and called through reflection: referencing the engine would put a second copy in the default context and change
/// what the import and overhead scenarios measure.
/// </summary>
internal sealed class ShippedEngine
{
    private readonly Assembly _engine;

    private ShippedEngine(Assembly engine) => _engine = engine;

    public static ShippedEngine Load()
    {
        var module = Path.GetDirectoryName(Repository.ModuleManifest)!;
        UseContracts(module);
        var isolation = Assembly.LoadFrom(Path.Combine(module, "InterviewTools.Isolation.dll"));
        var context = (AssemblyLoadContext)Activator.CreateInstance(
            isolation.GetType("InterviewTools.Isolation.DependencyLoadContext", throwOnError: true)!, Path.Combine(module, "Dependencies"))!;
        return new ShippedEngine(context.LoadFromAssemblyPath(Path.Combine(module, "Dependencies", "InterviewTools.Engine.dll")));
    }

    /// <summary>
    /// The output types (InterviewTools.Contracts) live in the module root and belong to the default context, where the module
    /// puts them too; the engine's private context defers to it for them.
    /// </summary>
    public static void UseContracts(string module)
    {
        var contracts = Assembly.LoadFrom(Path.Combine(module, "InterviewTools.Contracts.dll"));
        AssemblyLoadContext.Default.Resolving += (_, name) => name.Name == "InterviewTools.Contracts" ? contracts : null;
    }

    public Type Type(string name) => _engine.GetType("InterviewTools.Engine." + name, throwOnError: true)!;

    /// <summary>An output type, e.g. "PostSummary" or "PostSummaryStatus".</summary>
    public Type Contract(string name) => System.Type.GetType($"InterviewTools.{name}, InterviewTools.Contracts", throwOnError: true)!;

    public object Enum(string type, string value) => System.Enum.Parse(Type(type), value);

    /// <summary>The engine's machinery is internal: the bench reaches it the way its own tests do, constructors included; omitted optional arguments take their defaults.</summary>
    public object New(string type, params object?[] arguments)
    {
        var constructor = Type(type).GetConstructors(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)
            .Single(c => c.GetParameters().Length >= arguments.Length && c.GetParameters().Skip(arguments.Length).All(p => p.HasDefaultValue));
        var all = arguments.Concat(constructor.GetParameters().Skip(arguments.Length).Select(p => p.DefaultValue)).ToArray();
        return constructor.Invoke(all);
    }

    public object? Static(string type, string method, params object?[] arguments) => Type(type).GetMethod(method)!.Invoke(null, arguments);

    public static MethodInfo Method(object target, string name) =>
        target.GetType().GetMethod(name, BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic) ?? throw new MissingMethodException(target.GetType().Name, name);

    public static void Set(object target, string property, object? value) => target.GetType().GetProperty(property)!.SetValue(target, value);
}
