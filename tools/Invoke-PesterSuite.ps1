<#
.SYNOPSIS
    Runs every tests/pester/*.Tests.ps1 with the given Pester 5 and writes what it counted. build.ps1 -Task Test starts
    it in a fresh PowerShell 7 process, so the suite sees a real pwsh and the module is imported there alone.
#>
param(
    [Parameter(Mandatory)] [string] $Pester,
    [Parameter(Mandatory)] [string] $TestPath,
    # Receives Pester's NUnit XML report and, beside it, a .json file of the counts for build.ps1.
    [Parameter(Mandatory)] [string] $ResultPath
)

Import-Module -Name $Pester -ErrorAction Stop
$configuration = New-PesterConfiguration
$configuration.Run.Path = $TestPath
$configuration.Run.PassThru = $true
$configuration.Output.Verbosity = 'Detailed'
if ([Console]::IsOutputRedirected) { $configuration.Output.RenderMode = 'Plaintext' }   # a CI log, not a console
$configuration.TestResult.Enabled = $true
$configuration.TestResult.OutputFormat = 'NUnitXml'
$configuration.TestResult.OutputPath = $ResultPath
$run = Invoke-Pester -Configuration $configuration

# A file or block that fails outside its tests (discovery, an AfterAll) fails no test; each such one counts as one failure.
$failedOutsideTests = @(@($run.Containers) + @($run.FailedBlocks) | Where-Object { $_.Result -eq 'Failed' -and $_.FailedCount -eq 0 }).Count
[ordered]@{
    Pester     = (Get-Module -Name Pester).Version.ToString()
    PowerShell = $PSVersionTable.PSVersion.ToString()
    Result     = $run.Result
    Passed     = $run.PassedCount
    Failed     = $run.FailedCount + $failedOutsideTests
    Skipped    = $run.SkippedCount + $run.NotRunCount
} | ConvertTo-Json | Set-Content -LiteralPath ([IO.Path]::ChangeExtension($ResultPath, '.json')) -Encoding utf8
if ($run.Result -ne 'Passed') { exit 1 }
