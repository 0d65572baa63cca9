using System;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace InterviewTools.FakeGemini;

/// <summary>Program mode for Pester tests and benchmarks: prints one "Listening on URL" line, answers "requests" on stdin with the request log, serves until stdin closes or a signal.</summary>
internal static class FakeGeminiProgram
{
    public static async Task<int> Main(string[] args)
    {
        FakeGeminiOptions options;
        bool ignoreStdin;
        try
        {
            options = CommandLine.Parse(args, out ignoreStdin);
        }
        catch (FormatException e)
        {
            await Console.Error.WriteLineAsync(e.Message + Environment.NewLine + CommandLine.Usage);
            return 2;
        }

        await using var server = await FakeGeminiServer.StartAsync(options);
        await Console.Out.WriteLineAsync("Listening on " + server.BaseUrl);
        await Console.Out.FlushAsync();

        var stop = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context => { context.Cancel = true; stop.TrySetResult(); });
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, context => { context.Cancel = true; stop.TrySetResult(); });
        if (!ignoreStdin && !StdinIsDevNull())
        {
            _ = Task.Run(async () =>
            {
                // A "requests" line asks for the request log, so a Pester test can see what a pwsh process sent;
                // the parent closing our stdin (or exiting) is the shutdown signal.
                while (await Console.In.ReadLineAsync() is { } line)
                {
                    if (line.Trim() == RequestsCommand)
                    {
                        await Console.Out.WriteLineAsync(RequestLogLine(server));
                        await Console.Out.FlushAsync();
                    }
                }

                stop.TrySetResult();
            });
        }

        await stop.Task;
        return 0;
    }

    private const string RequestsCommand = "requests";

    /// <summary>Every request answered so far as one line of JSON: route, model, project, status and body of each.</summary>
    internal static string RequestLogLine(FakeGeminiServer server) =>
        JsonSerializer.Serialize(server.Requests.Select(r => new
        {
            Route = r.Route?.ToString(),
            r.Model,
            r.Project,
            r.Status,
            r.Body,
        }));

    /// <summary>A child started without stdin (CI, Start-Process) reads EOF at once; that is not a shutdown request.</summary>
    private static bool StdinIsDevNull()
    {
        try
        {
            return File.ResolveLinkTarget("/proc/self/fd/0", returnFinalTarget: false)?.FullName == "/dev/null";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
