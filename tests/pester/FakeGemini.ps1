# Starts and stops the fake Gemini server program (tests/InterviewTools.FakeGemini) for the Pester suite.

function Start-FakeGemini {
    param(
        [Parameter(Mandatory)] [string] $Root,
        [Parameter(Mandatory)] [hashtable] $Key
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
