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
        [int] $Rpd
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

function Stop-FakeGemini {
    param([Parameter(Mandatory)] $Fake)
    $Fake.Process.StandardInput.Close()
    if (-not $Fake.Process.WaitForExit(5000)) { $Fake.Process.Kill() }
    $Fake.Process.Dispose()
}

# Points $env:INTERVIEWTOOLS_STATE_DIR at a new folder under $TestDrive, so each test has its own ledger and config.yaml
# and never touches the user's. By default config.yaml turns off the built-in free-tier limits, which would otherwise
# pace the fake's unlimited quota (5 requests a minute on gemini-3.5-flash).
function Use-TestStateDirectory {
    param([AllowEmptyString()] [string] $Config = "builtInLimits: false`n")
    $directory = Join-Path $TestDrive ('state-' + [guid]::NewGuid().ToString('N').Substring(0, 8))
    $null = New-Item -ItemType Directory -Path $directory
    if ($Config) { [System.IO.File]::WriteAllText((Join-Path $directory 'config.yaml'), $Config) }
    $env:INTERVIEWTOOLS_STATE_DIR = $directory
    $directory
}

# The next 00:00 in America/Los_Angeles, when Gemini's daily quotas return; computed here, apart from the module's own code.
function Get-NextPacificMidnight {
    $zone = [System.TimeZoneInfo]::FindSystemTimeZoneById('America/Los_Angeles')
    $midnight = [System.TimeZoneInfo]::ConvertTime([System.DateTimeOffset]::UtcNow, $zone).Date.AddDays(1)
    [System.DateTimeOffset]::new($midnight, $zone.GetUtcOffset($midnight))
}
