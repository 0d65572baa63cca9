# Starts and stops the fake Gemini server program (tests/InterviewTools.FakeGemini) for the Pester suite.

function Start-FakeGemini {
    param(
        [Parameter(Mandatory)] [string] $Root,
        # API key → project label on the server; keys of one project share its quota there, as with Google.
        [Parameter(Mandatory)] [hashtable] $Key,
        # The models the server offers (models.list and generateContent); the fake's own list when omitted.
        [string[]] $Model,
        # Limits per (project, model), the same for every model; unlimited when omitted.
        [int] $Rpm,
        [int] $Tpm,
        [int] $Rpd,
        # Added before every generate answer, so that a run is still going when a test interrupts it.
        [int] $LatencyMs
    )
    $project = Join-Path $Root 'tests/InterviewTools.FakeGemini/InterviewTools.FakeGemini.csproj'
    $program = Get-ChildItem -Path (Join-Path $Root 'tests/InterviewTools.FakeGemini/bin/*/net10.0/InterviewTools.FakeGemini.dll') -ErrorAction SilentlyContinue |
        Sort-Object LastWriteTime -Descending | Select-Object -First 1
    if (-not $program -or -not (Test-Path (Join-Path $Root 'out/InterviewTools/InterviewTools.psd1'))) {
        & dotnet build (Join-Path $Root 'InterviewTools.sln') | Out-Host
        if ($LASTEXITCODE -ne 0) { throw 'dotnet build failed; cannot start the fake Gemini server.' }
        $program = Get-ChildItem -Path (Join-Path $Root 'tests/InterviewTools.FakeGemini/bin/*/net10.0/InterviewTools.FakeGemini.dll') |
            Sort-Object LastWriteTime -Descending | Select-Object -First 1
    }

    $start = [System.Diagnostics.ProcessStartInfo]::new('dotnet')
    $start.ArgumentList.Add($program.FullName)
    $start.ArgumentList.Add('--port')
    $start.ArgumentList.Add('0')
    foreach ($entry in $Key.GetEnumerator()) {
        $start.ArgumentList.Add('--key')
        $start.ArgumentList.Add("$($entry.Key)=$($entry.Value)")
    }
    foreach ($id in $Model) {
        $start.ArgumentList.Add('--model')
        $start.ArgumentList.Add($id)
    }
    if ($LatencyMs) {
        $start.ArgumentList.Add('--latency-ms')
        $start.ArgumentList.Add([string]$LatencyMs)
    }
    foreach ($limit in 'Rpm', 'Tpm', 'Rpd') {
        if ($PSBoundParameters.ContainsKey($limit)) {
            $start.ArgumentList.Add('--' + $limit.ToLowerInvariant())
            $start.ArgumentList.Add([string]$PSBoundParameters[$limit])
        }
    }
    $start.UseShellExecute = $false
    $start.RedirectStandardOutput = $true
    $start.RedirectStandardInput = $true
    $process = [System.Diagnostics.Process]::Start($start)

    $line = $process.StandardOutput.ReadLine()
    if ($line -notmatch '^Listening on (?<url>http://127\.0\.0\.1:\d+)$') {
        $process.Kill()
        throw "The fake Gemini server did not start: '$line'"
    }
    [pscustomobject]@{ Process = $process; BaseUrl = $Matches.url; Project = $project }
}

# Every request the fake has answered so far (Route, Model, Project, Status, Body), from its own log.
function Get-FakeGeminiRequest {
    param([Parameter(Mandatory)] $Fake, [string] $Route)
    $Fake.Process.StandardInput.WriteLine('requests')
    $Fake.Process.StandardInput.Flush()
    $requests = @($Fake.Process.StandardOutput.ReadLine() | ConvertFrom-Json)
    if ($Route) { $requests = @($requests | Where-Object Route -eq $Route) }
    $requests
}

function Stop-FakeGemini {
    param([Parameter(Mandatory)] $Fake)
    $Fake.Process.StandardInput.Close()
    if (-not $Fake.Process.WaitForExit(5000)) { $Fake.Process.Kill() }
    $Fake.Process.Dispose()
}
