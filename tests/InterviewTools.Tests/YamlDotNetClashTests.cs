using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.Loader;
using Xunit;

namespace InterviewTools.Tests
{
    /// <summary>
    /// powershell-yaml's load conflicts (#109, #121, #179) came from a YamlDotNet that another module had put in the
    /// default context first. The test assembly references YamlDotNet 16; the module ships 18 and must use its own.
    /// </summary>
    [Collection(HostedCollection.Name)]
    public sealed class YamlDotNetClashTests
    {
        /// <summary>
        /// The module's load context lives for the whole process, so "before the module" must mean before the first
        /// import in this process, whichever test runs first: this runs when the test assembly loads.
        /// </summary>
        [ModuleInitializer]
#pragma warning disable CA2255 // Deliberate: the clash needs YamlDotNet 16 in the default context before any test imports the module.
        internal static void LoadOtherYamlDotNetFirst() => RuntimeHelpers.RunClassConstructor(typeof(YamlDotNet.Core.Parser).TypeHandle);
#pragma warning restore CA2255

        [Fact]
        public void ModuleExportsAndImportsWithItsOwnYamlDotNetBesideVersion16InTheDefaultContext()
        {
            var other = typeof(YamlDotNet.Serialization.DeserializerBuilder).Assembly;
            Assert.Equal(16, other.GetName().Version!.Major);
            Assert.Same(AssemblyLoadContext.Default, AssemblyLoadContext.GetLoadContext(other));

            using var world = new HostedScenario();
            var run = world.Run("$s = @(Invoke-PostSummary -Text '隔离 面经'); $s | Export-PostSummary clash.yaml; Import-PostSummary clash.yaml | ForEach-Object { $_.Title -eq $s[0].Title -and $_.Summary -eq $s[0].Summary }");

            Assert.Empty(run.Errors);
            Assert.Equal(new object[] { true }, run.Output.Select(o => o.BaseObject));
            var moduleContext = Assert.Single(AssemblyLoadContext.All, c => c.Name == "InterviewTools");
            var engine = Assert.Single(moduleContext.Assemblies, a => a.GetName().Name == "InterviewTools.Engine");
            var used = EngineYamlDotNet(engine);
            Assert.Equal(18, used.GetName().Version!.Major);
            Assert.Same(moduleContext, AssemblyLoadContext.GetLoadContext(used));
            Assert.NotSame(other, used);
            Assert.Equal(new[] { 16 }, AssemblyLoadContext.Default.Assemblies.Where(a => a.GetName().Name == "YamlDotNet").Select(a => a.GetName().Version!.Major));
            Assert.Contains("隔离 面经", File.ReadAllText(Path.Combine(world.Folder, "clash.yaml")));
        }

        /// <summary>The YamlDotNet the engine's code is actually bound to: the assembly of a YamlDotNet type in one of its fields.</summary>
        private static Assembly EngineYamlDotNet(Assembly engine)
        {
            var writer = engine.GetType("InterviewTools.Engine.Yaml.YamlDocumentWriter", throwOnError: true)!;
            var settings = writer.GetField("Settings", BindingFlags.NonPublic | BindingFlags.Static)!;
            return settings.FieldType.Assembly;
        }
    }
}
