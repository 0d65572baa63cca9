using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime;
using System.Runtime.InteropServices;
using System.Threading.Tasks;

namespace InterviewTools.Bench;

internal static class Program
{
    private const string Usage = "usage: dotnet run -c Release --project bench/InterviewTools.Bench -- import|overhead|rotation|quota|export|offline|cache|resume|all";

    public static async Task<int> Main(string[] args)
    {
        // The cache scenario's child process: no machine banner, one line for the parent to read.
        if (args.Length == 2 && args[0] == CacheBenchmark.ReadScenario) return CacheBenchmark.ReadOnly(args[1]);
        if (args.Length == 1 && args[0] == ResumeBenchmark.ChildScenario) return ResumeBenchmark.Child();

        var scenario = args.Length == 1 ? args[0].ToLowerInvariant() : string.Empty;
        if (scenario is not ("import" or "overhead" or "rotation" or "quota" or "export" or "offline" or "cache" or "resume" or "all"))
        {
            Console.Error.WriteLine(Usage);
            return 2;
        }

        PrintMachine();
        // import runs first: its cold figures need a process in which nothing has touched PowerShell yet.
        if (scenario is "import" or "all") ImportBenchmark.Run();
        if (scenario is "overhead" or "all") await OverheadBenchmark.RunAsync();
        if (scenario is "rotation" or "all") await RotationBenchmark.RunAsync();
        if (scenario is "quota" or "all") await QuotaBenchmark.RunAsync();
        if (scenario is "export" or "all") ExportBenchmark.Run();
        if (scenario is "cache" or "all") CacheBenchmark.Run();
        if (scenario is "resume" or "all") await ResumeBenchmark.RunAsync();
        // offline runs last: it pins the process to one core.
        if (scenario is "offline" or "all") OfflineBenchmark.Run();
        return 0;
    }

    private static void PrintMachine()
    {
        Console.WriteLine("# Machine");
        Console.WriteLine($"cores: {Environment.ProcessorCount}");
        Console.WriteLine($"cpu: {CpuModel()}");
        Console.WriteLine($"os: {RuntimeInformation.OSDescription} ({RuntimeInformation.OSArchitecture})");
        Console.WriteLine($"runtime: {RuntimeInformation.FrameworkDescription}, {(GCSettings.IsServerGC ? "server" : "workstation")} GC");
        var engine = typeof(System.Management.Automation.PowerShell).Assembly;
        Console.WriteLine($"powershell: System.Management.Automation {engine.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? engine.GetName().Version?.ToString()}");
        Console.WriteLine($"module: {Repository.ModuleManifest}");
        Console.WriteLine();
    }

    /// <summary>Model name plus family/model from /proc/cpuinfo, since VMs often report only a vague name such as "AMD EPYC".</summary>
    private static string CpuModel()
    {
        const string cpuInfo = "/proc/cpuinfo";
        if (!File.Exists(cpuInfo)) return "unknown";
        var lines = File.ReadLines(cpuInfo).TakeWhile(l => l.Length > 0).ToArray();
        string Field(string name) =>
            lines.FirstOrDefault(l => l.StartsWith(name + "\t", StringComparison.Ordinal) || l.StartsWith(name + " ", StringComparison.Ordinal)) is { } line
                ? line[(line.IndexOf(':') + 1)..].Trim()
                : "?";
        return $"{Field("model name")} (family {Field("cpu family")}, model {Field("model")}, {Field("cpu MHz")} MHz)";
    }
}

internal static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string ModuleManifest => Path.Combine(Root, "out", "InterviewTools", "InterviewTools.psd1");

    public static string SamplePost => Path.Combine(Root, "samples", "bytedance-llm-first-round.txt");

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory != null && !File.Exists(Path.Combine(directory.FullName, "InterviewTools.sln"))) directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException("Cannot find InterviewTools.sln above " + AppContext.BaseDirectory);
    }
}
