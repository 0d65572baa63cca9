using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Xunit;

namespace InterviewTools.FakeGemini.Tests;

public sealed class ProgramModeTests
{
    [Fact]
    public async Task PrintsOneListeningLineServesListsItsRequestsAndExitsWhenStdinCloses()
    {
        var dll = Path.Combine(Path.GetDirectoryName(typeof(FakeGeminiServer).Assembly.Location)!, "InterviewTools.FakeGemini.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { dll, "--port", "0", "--key", "cli-key=cli-project", "--model", "gemini-2.5-flash", "--rpd", "1" },
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(start)!;
        try
        {
            var firstLine = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(10));

            var match = Regex.Match(firstLine ?? string.Empty, @"^Listening on (http://127\.0\.0\.1:(\d+))$");
            Assert.True(match.Success, $"first line was '{firstLine}'; stderr: {(process.HasExited ? await process.StandardError.ReadToEndAsync() : string.Empty)}");
            Assert.NotEqual("0", match.Groups[2].Value);
            var baseUrl = match.Groups[1].Value;
            using (var ok = await Gemini.Http.PostAsync(baseUrl + "/v1beta/models/gemini-2.5-flash:generateContent?key=cli-key", new System.Net.Http.StringContent(Gemini.TextRequest("hi"))))
            using (var refused = await Gemini.Http.PostAsync(baseUrl + "/v1beta/models/gemini-2.5-flash:generateContent?key=cli-key", new System.Net.Http.StringContent(Gemini.TextRequest("hi"))))
            using (var otherModel = await Gemini.Http.GetAsync(baseUrl + "/v1beta/models/gemini-3.5-flash?key=cli-key"))
            {
                Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
                Assert.Equal((HttpStatusCode)429, refused.StatusCode);
                Assert.Equal(HttpStatusCode.NotFound, otherModel.StatusCode);
            }

            await process.StandardInput.WriteLineAsync("requests");
            await process.StandardInput.FlushAsync();
            var log = System.Text.Json.JsonDocument.Parse(await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(10)) ?? "null").RootElement;
            Assert.Equal(3, log.GetArrayLength());
            Assert.Equal(new[] { 200, 429, 404 }, log.EnumerateArray().Select(r => r.GetProperty("Status").GetInt32()));
            Assert.Equal("Generate", log[0].GetProperty("Route").GetString());
            Assert.Equal("cli-project", log[0].GetProperty("Project").GetString());
            Assert.Contains("hi", log[0].GetProperty("Body").GetString());

            process.StandardInput.Close();
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(5));
            Assert.Equal(0, process.ExitCode);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }

    [Fact]
    public void BadArgumentsAreRejected()
    {
        Assert.Throws<FormatException>(() => CommandLine.Parse(["--key", "no-project"], out _));
        Assert.Throws<FormatException>(() => CommandLine.Parse(["--bogus"], out _));
        var options = CommandLine.Parse(["--tpm", "1000", "--latency-ms", "25", "--cached-tokens", "7", "--model", "custom-model"], out bool ignoreStdin);
        Assert.False(ignoreStdin);
        Assert.Equal(new QuotaLimits(null, 1000, null), options.DefaultQuota);
        Assert.Equal(TimeSpan.FromMilliseconds(25), options.Latency);
        Assert.Equal(7, options.CachedPromptTokens);
        Assert.Equal("custom-model", Assert.Single(options.Models).Id);
    }
}
