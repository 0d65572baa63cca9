using System;
using System.IO;
using System.Reflection;
using System.Runtime.Loader;

namespace InterviewTools.Isolation
{
    /// <summary>
    /// The module's private load context on PowerShell 7. It loads the engine and its third-party libraries
    /// (YamlDotNet, Polly) from the Dependencies folder even when another module already loaded other versions,
    /// and leaves assemblies of the shared framework to the runtime unless the runtime's copy is older than ours.
    /// </summary>
    public sealed class DependencyLoadContext : AssemblyLoadContext
    {
        private readonly string _dependencyFolder;
        private readonly string _runtimeFolder;

        public DependencyLoadContext(string dependencyFolder)
            : base("InterviewTools", isCollectible: false)
        {
            _dependencyFolder = dependencyFolder;
            _runtimeFolder = Path.GetDirectoryName(typeof(object).Assembly.Location) ?? string.Empty;
        }

        public Assembly? LoadDependency(AssemblyName name)
        {
            var path = DependencyPath(name);
            return path == null ? null : LoadFromAssemblyName(name);
        }

        protected override Assembly? Load(AssemblyName name)
        {
            var path = DependencyPath(name);
            if (path == null || RuntimeProvides(name)) return null;
            return LoadFromAssemblyPath(path);
        }

        private string? DependencyPath(AssemblyName name)
        {
            if (string.IsNullOrEmpty(name.Name)) return null;
            var path = Path.Combine(_dependencyFolder, name.Name + ".dll");
            return File.Exists(path) ? path : null;
        }

        private bool RuntimeProvides(AssemblyName name)
        {
            var frameworkCopy = Path.Combine(_runtimeFolder, name.Name + ".dll");
            if (!File.Exists(frameworkCopy)) return false;
            var frameworkVersion = AssemblyName.GetAssemblyName(frameworkCopy).Version ?? new Version();
            return name.Version == null || frameworkVersion >= name.Version;
        }
    }
}
