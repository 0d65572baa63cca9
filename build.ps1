<#
.SYNOPSIS
    Builds, runs, tests or cleans InterviewTools. Runs on PowerShell 7 and Windows PowerShell 5.1.
.DESCRIPTION
    Build      assembles out/InterviewTools. The layout is known only to the AssembleModule target in
               src/InterviewTools/InterviewTools.csproj; this script adds none of its own.
    Summarize  builds, then in a fresh PowerShell process imports the module and runs the main job,
               Get-ChildItem ./samples -File | Invoke-PostSummary | Export-PostSummary ./summaries.yaml
               (Gemini with a key, the offline summarizer without one), and prints where the YAML is.
    Test       runs the xunit suites (dotnet test InterviewTools.sln), then every tests/pester/*.Tests.ps1 with
               Pester 5 in a fresh PowerShell 7 process against out/InterviewTools, and ends with one line,
               "N passed, N failed, N skipped", over both. Exits non-zero if anything failed.
               Where Mono is installed (or on Windows) the engine tests also run on .NET Framework 4.7.2.
               The shared-ledger tests use the Redis server $env:INTERVIEWTOOLS_TEST_REDIS names; without one, a private
               redis-server is started on a free loopback port when one is installed (and stopped at the end), else
               those tests skip with a message (they fail instead when $env:CI is true).
    Coverage   line and branch coverage of the engine and the cmdlet assembly across the xunit suites (coverlet),
               per suite and merged (tools/Measure-Coverage.ps1, in PowerShell 7).
    Clean      removes build output.
.EXAMPLE
    dotnet tool restore && dotnet pwsh -NoProfile -File ./build.ps1 -Task Test
.EXAMPLE
    dotnet tool restore && dotnet pwsh -NoProfile -File ./build.ps1 -Task Summarize
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Summarize', 'Test', 'Coverage', 'Clean')]
    [string] $Task = 'Build',

    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release'
)

$ErrorActionPreference = 'Stop'
$root = $PSScriptRoot
$results = Join-Path $root 'out/test-results'

. (Join-Path $PSScriptRoot 'tools/Dotnet.ps1')

# The PowerShell that runs this script, started afresh. Under `dotnet pwsh` the tool's launcher is only the parent
# of this process, which is dotnet hosting $PSHOME/pwsh.dll: start that directly, so that a test that signals or
# kills "the pwsh" reaches the real one. Windows PowerShell 5.1 runs the main job itself; the Pester suite needs 7.
function Get-PowerShellCommand {
    param([switch] $Core)
    if ($PSVersionTable.PSEdition -eq 'Core') {
        $process = [Environment]::ProcessPath
        $entry = Join-Path $PSHOME 'pwsh.dll'
        if ([IO.Path]::GetFileNameWithoutExtension($process) -eq 'dotnet' -and (Test-Path -LiteralPath $entry)) { return @($process, $entry) }
        return @($process)
    }
    if (-not $Core) { return @((Get-Process -Id $PID).Path) }
    $pwsh = Get-Command -Name pwsh -CommandType Application -ErrorAction SilentlyContinue | Select-Object -First 1
    if ($pwsh) { return @($pwsh.Source) }
    Invoke-Dotnet @('tool', 'restore')
    return @('dotnet', 'pwsh')
}

# Runs one of tools/*.ps1 in a fresh PowerShell process and returns its exit code.
function Invoke-PowerShell {
    param([string] $Script, [string[]] $Arguments, [switch] $Core)
    $command = @(Get-PowerShellCommand -Core:$Core)
    $all = @($command | Select-Object -Skip 1) + @('-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-File', (Join-Path $root "tools/$Script")) + $Arguments
    & $command[0] @all | Out-Host
    return $LASTEXITCODE
}

# Pester 5 as pinned by tests/pester/Pester.Restore.csproj, from the NuGet package folder; else an installed Pester 5.
function Find-Pester {
    $restore = Join-Path $root 'tests/pester/Pester.Restore.csproj'
    $version = ([xml](Get-Content -LiteralPath $restore -Raw)).Project.ItemGroup.PackageDownload.Version.Trim('[', ']')
    & dotnet restore $restore --verbosity quiet | Out-Host
    $packages = $env:NUGET_PACKAGES
    if (-not $packages) { $packages = Join-Path ([Environment]::GetFolderPath('UserProfile')) '.nuget/packages' }
    $manifest = Join-Path $packages "pester/$version/tools/Pester.psd1"
    if (Test-Path -LiteralPath $manifest) { return $manifest }

    $installed = Get-Module -ListAvailable -Name Pester | Where-Object { $_.Version.Major -eq 5 } | Sort-Object Version -Descending | Select-Object -First 1
    if ($installed) {
        Write-Warning "Pester $version is not in $packages; using the installed Pester $($installed.Version)."
        return $installed.Path
    }
    throw "Pester 5 was found neither in $packages (dotnet restore tests/pester/Pester.Restore.csproj) nor among the installed modules (Install-Module Pester -RequiredVersion $version)."
}

# Counts from the trx file that each test run (an assembly on one target framework) leaves in out/test-results/xunit.
function Get-XunitCount {
    param([int] $ExitCode)
    $count = [pscustomobject]@{ Passed = 0; Failed = 0; Skipped = 0; Runs = @() }
    foreach ($file in Get-ChildItem -Path (Join-Path $results 'xunit') -Filter '*.trx' -ErrorAction SilentlyContinue) {
        $run = ([xml](Get-Content -LiteralPath $file.FullName -Raw)).TestRun
        $counters = $run.ResultSummary.Counters
        $failed = [int]$counters.failed + [int]$counters.error + [int]$counters.timeout + [int]$counters.aborted
        $count.Passed += [int]$counters.passed
        $count.Failed += $failed
        $count.Skipped += [int]$counters.notExecuted
        $assembly = @($run.TestDefinitions.UnitTest)[0].storage
        $count.Runs += '{0} ({1}): {2} passed / {3} failed / {4} skipped' -f [IO.Path]::GetFileNameWithoutExtension($assembly),
            (Split-Path -Leaf (Split-Path -Parent $assembly)), $counters.passed, $failed, $counters.notExecuted
    }
    if ($ExitCode -ne 0 -and $count.Failed -eq 0) {
        Write-Warning "dotnet test exited with code $ExitCode but no failed test was recorded (a build error or a test host that died): counted as one failure."
        $count.Failed = 1
    }
    $count
}

function Invoke-PesterSuite {
    $pester = Find-Pester
    $report = Join-Path $results 'pester.xml'
    $exitCode = Invoke-PowerShell -Core -Script 'Invoke-PesterSuite.ps1' -Arguments @('-Pester', $pester, '-TestPath', (Join-Path $root 'tests/pester'), '-ResultPath', $report)
    $summary = [IO.Path]::ChangeExtension($report, '.json')
    if (-not (Test-Path -LiteralPath $summary)) {
        Write-Warning "Pester did not report (exit code $exitCode): counted as one failure."
        return [pscustomobject]@{ Passed = 0; Failed = 1; Skipped = 0 }
    }
    $run = Get-Content -LiteralPath $summary -Raw | ConvertFrom-Json
    Write-Host "Pester $($run.Pester) on PowerShell $($run.PowerShell): $($run.Result)."
    $run
}

# A redis-server of this run's own on a free loopback port, when none is named and one is installed; $null otherwise.
function Start-TestRedis {
    if ($env:INTERVIEWTOOLS_TEST_REDIS) { return $null }
    $server = Get-Command -Name redis-server -CommandType Application -ErrorAction SilentlyContinue | Select-Object -First 1
    if (-not $server) {
        Write-Warning 'No Redis server for the shared-ledger tests: install redis-server or set $env:INTERVIEWTOOLS_TEST_REDIS; they skip.'
        return $null
    }
    $listener = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
    $listener.Start(); $port = $listener.LocalEndpoint.Port; $listener.Stop()
    $process = Start-Process -FilePath $server.Source -ArgumentList @('--port', $port, '--bind', '127.0.0.1', '--save', '""', '--appendonly', 'no') -PassThru -RedirectStandardOutput (Join-Path ([IO.Path]::GetTempPath()) "interviewtools-redis-$port.log")
    $env:INTERVIEWTOOLS_TEST_REDIS = "redis://127.0.0.1:$port/0"
    Write-Host "Started redis-server on 127.0.0.1:$port for the shared-ledger tests."
    $process
}

function Invoke-Tests {
    if (Test-Path -LiteralPath $results) { Remove-Item -LiteralPath $results -Recurse -Force }
    $redis = Start-TestRedis
    try {
        & dotnet test (Join-Path $root 'InterviewTools.sln') -c $Configuration --logger trx --results-directory (Join-Path $results 'xunit') | Out-Host
        $xunit = Get-XunitCount -ExitCode $LASTEXITCODE
        $pester = Invoke-PesterSuite
    }
    finally {
        if ($redis) {
            Stop-Process -Id $redis.Id -ErrorAction SilentlyContinue
            Remove-Item Env:INTERVIEWTOOLS_TEST_REDIS
        }
    }

    # Per run in a form no CI reads as a closing line; the combined line comes last.
    Write-Host 'Test runs:'
    foreach ($run in $xunit.Runs) { Write-Host "  xunit $run" }
    Write-Host ('  Pester {0}: {1} passed / {2} failed / {3} skipped' -f (Join-Path $root 'tests/pester'), $pester.Passed, $pester.Failed, $pester.Skipped)
    $failed = $xunit.Failed + $pester.Failed
    Write-Host ('{0} passed, {1} failed, {2} skipped' -f ($xunit.Passed + $pester.Passed), $failed, ($xunit.Skipped + $pester.Skipped))
    if ($failed -gt 0) { exit 1 }
}

function Invoke-MainJob {
    Invoke-Dotnet @('build', (Join-Path $root 'src/InterviewTools/InterviewTools.csproj'), '-c', $Configuration)
    $yaml = Join-Path $root 'summaries.yaml'
    $started = Get-Date
    $exitCode = Invoke-PowerShell -Script 'Invoke-MainJob.ps1' -Arguments @('-Root', $root)
    if (-not (Test-Path -LiteralPath $yaml) -or (Get-Item -LiteralPath $yaml).LastWriteTime -lt $started) {
        throw "The main job did not write $yaml (exit code $exitCode)."
    }
    Write-Host "Summaries written to $((Resolve-Path -LiteralPath $yaml).ProviderPath)"
    if ($exitCode -ne 0) { exit $exitCode }
}

switch ($Task) {
    'Build' { Invoke-Dotnet @('build', (Join-Path $root 'src/InterviewTools/InterviewTools.csproj'), '-c', $Configuration) }
    'Summarize' { Invoke-MainJob }
    'Test' { Invoke-Tests }
    'Coverage' {
        $exitCode = Invoke-PowerShell -Core -Script 'Measure-Coverage.ps1' -Arguments @('-Root', $root, '-Configuration', $Configuration)
        if ($exitCode -ne 0) { exit $exitCode }
    }
    'Clean' {
        Invoke-Dotnet @('clean', (Join-Path $root 'InterviewTools.sln'))
        $out = Join-Path $root 'out'
        if (Test-Path -LiteralPath $out) { Remove-Item -LiteralPath $out -Recurse -Force }
    }
}
