using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;

namespace InterviewTools.Bench;

/// <summary>Which assemblies a step loaded, and into which load context: tells module cost from engine cost.</summary>
internal static class AssemblyLoads
{
    private const int MaxListed = 40;

    public static HashSet<string> Snapshot() =>
        AppDomain.CurrentDomain.GetAssemblies().Select(Describe).ToHashSet();

    public static HashSet<string> ReportNew(string step, HashSet<string> before)
    {
        var now = Snapshot();
        var added = now.Except(before).OrderBy(n => n, StringComparer.Ordinal).ToArray();
        Console.WriteLine($"assemblies loaded by {step}: {added.Length}{(added.Length > MaxListed ? " (not listed)" : string.Empty)}");
        if (added.Length <= MaxListed)
        {
            foreach (var name in added) Console.WriteLine("  " + name);
        }

        return now;
    }

    private static string Describe(Assembly assembly) =>
        $"{assembly.GetName().Name} [{AssemblyLoadContext.GetLoadContext(assembly)?.Name ?? "?"}]";
}
