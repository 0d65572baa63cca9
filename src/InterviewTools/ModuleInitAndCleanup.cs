using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Reflection;

namespace InterviewTools
{
    /// <summary>
    /// Loads the engine and its third-party assemblies from Dependencies/ so they never clash with other modules'
    /// copies (YamlDotNet in powershell-yaml and platyPS, Polly elsewhere). On PowerShell 7 they live in a private
    /// AssemblyLoadContext; on Windows PowerShell 5.1, which has none, they load side by side by path.
    /// The resolve handler answers only requests made by this module's own assemblies for files it ships.
    /// </summary>
    public sealed class ModuleInitAndCleanup : IModuleAssemblyInitializer, IModuleAssemblyCleanup
    {
        private const string LoadContextAssembly = "InterviewTools.Isolation";

        /// <summary>The output types: they sit beside this assembly and belong to the default context, for the engine as for users.</summary>
        private const string ContractsAssembly = "InterviewTools.Contracts";
        private const string LoadContextType = "InterviewTools.Isolation.DependencyLoadContext";

        private static readonly string ModuleFolder = Path.GetDirectoryName(typeof(ModuleInitAndCleanup).Assembly.Location) ?? string.Empty;
        private static readonly string DependencyFolder = Path.Combine(ModuleFolder, "Dependencies");
        private static readonly HashSet<string> Shipped = new HashSet<string>(
            Directory.Exists(DependencyFolder) ? Directory.EnumerateFiles(DependencyFolder, "*.dll").Select(Path.GetFileNameWithoutExtension) : Enumerable.Empty<string>(),
            StringComparer.OrdinalIgnoreCase);

        private static Func<AssemblyName, Assembly?>? _loadIntoPrivateContext;

        public void OnImport()
        {
            if (_loadIntoPrivateContext == null && IsCoreClr())
            {
                var loader = Assembly.LoadFrom(Path.Combine(ModuleFolder, LoadContextAssembly + ".dll"));
                var context = Activator.CreateInstance(loader.GetType(LoadContextType, throwOnError: true)!, DependencyFolder)!;
                _loadIntoPrivateContext = (Func<AssemblyName, Assembly?>)Delegate.CreateDelegate(typeof(Func<AssemblyName, Assembly?>), context, "LoadDependency");
            }
            AppDomain.CurrentDomain.AssemblyResolve += ResolveOwnDependency;
        }

        public void OnRemove(PSModuleInfo module)
        {
            AppDomain.CurrentDomain.AssemblyResolve -= ResolveOwnDependency;
        }

        private static Assembly? ResolveOwnDependency(object? sender, ResolveEventArgs args)
        {
            var requested = new AssemblyName(args.Name);
            if (string.Equals(requested.Name, ContractsAssembly, StringComparison.OrdinalIgnoreCase)) return Assembly.LoadFrom(Path.Combine(ModuleFolder, ContractsAssembly + ".dll"));
            if (IsSatellite(requested)) return LoadSatellite(requested);
            if (requested.Name == null || !Shipped.Contains(requested.Name) || !RequestedByThisModule(args.RequestingAssembly)) return null;
            if (_loadIntoPrivateContext != null) return _loadIntoPrivateContext(requested);
            return Assembly.LoadFrom(Path.Combine(DependencyFolder, requested.Name + ".dll"));
        }

        private static bool IsSatellite(AssemblyName name) =>
            !string.IsNullOrEmpty(name.CultureName) && name.Name != null && name.Name.EndsWith(".resources", StringComparison.OrdinalIgnoreCase);

        /// <summary>
        /// Translated messages: &lt;culture&gt;/&lt;assembly&gt;.resources.dll beside the assembly they translate. PowerShell 7 finds them
        /// itself, in the parent's load context; this answers Windows PowerShell 5.1 should its probing miss the Dependencies folder.
        /// </summary>
        private static Assembly? LoadSatellite(AssemblyName requested)
        {
            var parent = requested.Name!.Substring(0, requested.Name.Length - ".resources".Length);
            var folder = string.Equals(parent, typeof(ModuleInitAndCleanup).Assembly.GetName().Name, StringComparison.OrdinalIgnoreCase) ? ModuleFolder
                : Shipped.Contains(parent) ? DependencyFolder : null;
            var path = folder == null ? null : Path.Combine(folder, requested.CultureName!, requested.Name + ".dll");
            return path != null && File.Exists(path) && _loadIntoPrivateContext == null ? Assembly.LoadFrom(path) : null;
        }

        /// <summary>.NET Framework may not say who asked; then the exact file name is the only evidence, as in PSResourceGet.</summary>
        private static bool RequestedByThisModule(Assembly? requesting)
        {
            if (requesting == null) return !IsCoreClr();
            if (requesting == typeof(ModuleInitAndCleanup).Assembly) return true;
            if (IsCoreClr()) return false;
            var location = requesting.IsDynamic ? string.Empty : requesting.Location;
            return location.Length > 0 && string.Equals(Path.GetDirectoryName(location), DependencyFolder, StringComparison.OrdinalIgnoreCase);
        }

        private static bool IsCoreClr() => typeof(object).Assembly.GetType("System.Runtime.Loader.AssemblyLoadContext") != null;
    }
}
