using System;
using System.Collections.Generic;
using System.IO;
using System.Linq.Expressions;
using System.Reflection;
using System.Runtime.Loader;

namespace InterviewTools.Bench;

/// <summary>
/// The engine as the module loads it: InterviewTools.Engine from out/InterviewTools/Dependencies in the module's own
/// DependencyLoadContext. The bench must not reference the engine at compile time: with the engine on the bench's
/// dependency list the runtime would bind it in the default context, and the import scenario would measure that
/// instead of the private context. Calls go through compiled delegates, so the per-post cost is a plain call.
/// </summary>
internal sealed class OfflineEngine
{
    private readonly Func<string, object> _readFile;
    private readonly Func<object, object> _extract;
    private readonly Func<string, string> _hash;
    private readonly ConstructorInfo _postConstructor;
    private readonly Type _postType;

    private OfflineEngine(Assembly engine)
    {
        _postType = engine.GetType("InterviewTools.Engine.Posts.PostDocument", throwOnError: true)!;
        _readFile = Static<string, object>(engine.GetType("InterviewTools.Engine.Posts.PostReader", true)!.GetMethod("ReadFile")!);
        _extract = Static<object, object>(engine.GetType("InterviewTools.Engine.Offline.OfflineSummarizer", true)!.GetMethod("Extract")!);
        _hash = Static<string, string>(engine.GetType("InterviewTools.Engine.Posts.ContentHash", true)!.GetMethod("Of")!);
        _postConstructor = Array.Find(_postType.GetConstructors(), c => c.GetParameters().Length == 7)
            ?? throw new InvalidOperationException("PostDocument has no 7-argument constructor");
    }

    public static OfflineEngine Load()
    {
        var moduleFolder = Path.GetDirectoryName(Repository.ModuleManifest)!;
        var dependencies = Path.Combine(moduleFolder, "Dependencies");
        ShippedEngine.UseContracts(moduleFolder);
        var isolation = Assembly.LoadFrom(Path.Combine(moduleFolder, "InterviewTools.Isolation.dll"));
        var context = (AssemblyLoadContext)Activator.CreateInstance(isolation.GetType("InterviewTools.Isolation.DependencyLoadContext", true)!, dependencies)!;
        return new OfflineEngine(context.LoadFromAssemblyPath(Path.Combine(dependencies, "InterviewTools.Engine.dll")));
    }

    public string LoadContextName(object post) => AssemblyLoadContext.GetLoadContext(post.GetType().Assembly)?.Name ?? "?";

    public object ReadFile(string path) => _readFile(path);

    public object Extract(object post) => _extract(post);

    public string Body(object post) => (string)Property(post, "Body");

    /// <summary>A copy of <paramref name="post"/> with <paramref name="body"/>, a new source and hash.</summary>
    public object WithBody(object post, string source, string body) => _postConstructor.Invoke(new[]
    {
        source, Property(post, "Title"), body, Property(post, "Topics"), _hash(body), Property(post, "DecodingWarnings"), Property(post, "Format"),
    });

    private object Property(object post, string name) => _postType.GetProperty(name)!.GetValue(post)!;

    private static Func<TIn, TOut> Static<TIn, TOut>(MethodInfo method)
    {
        var parameter = Expression.Parameter(typeof(TIn));
        var argument = Expression.Convert(parameter, method.GetParameters()[0].ParameterType);
        var call = Expression.Convert(Expression.Call(method, argument), typeof(TOut));
        return Expression.Lambda<Func<TIn, TOut>>(call, parameter).Compile();
    }
}
