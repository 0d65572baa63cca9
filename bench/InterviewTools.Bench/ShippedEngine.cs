using System;
using System.IO;
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
        var isolation = Assembly.LoadFrom(Path.Combine(module, "InterviewTools.Isolation.dll"));
        var context = (AssemblyLoadContext)Activator.CreateInstance(
            isolation.GetType("InterviewTools.Isolation.DependencyLoadContext", throwOnError: true)!, Path.Combine(module, "Dependencies"))!;
        return new ShippedEngine(context.LoadFromAssemblyPath(Path.Combine(module, "Dependencies", "InterviewTools.Engine.dll")));
    }

    public Type Type(string name) => _engine.GetType("InterviewTools.Engine." + name, throwOnError: true)!;

    public object Enum(string type, string value) => System.Enum.Parse(Type(type), value);

    public object New(string type, params object?[] arguments) => Activator.CreateInstance(Type(type), arguments)!;

    public object? Static(string type, string method, params object?[] arguments) => Type(type).GetMethod(method)!.Invoke(null, arguments);

    public static void Set(object target, string property, object? value) => target.GetType().GetProperty(property)!.SetValue(target, value);
}
