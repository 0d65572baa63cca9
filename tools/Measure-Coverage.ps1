#Requires -Version 7.2
<#
.SYNOPSIS
    Line and branch coverage of the engine and the cmdlet assembly across the xunit suites (coverlet.collector), per
    suite and merged. build.ps1 -Task Coverage runs it; the figures are recorded in docs/benchmarks.md.
.DESCRIPTION
    The engine suite loads the engine from its own bin folder, so coverlet instruments that copy in place. The hosted
    suite imports the assembled module, so it is pointed (INTERVIEWTOOLS_TEST_MODULE) at a second copy of the module,
    assembled by the same MSBuild target into out/coverage/InterviewTools, which coverlet instruments: the code measured
    there is the code a user's pwsh loads, engine in its private load context included. Not measured: the Pester suite
    and any other process outside the test host (the ScriptHost child processes), and the net472 run under Mono.
#>
param(
    [Parameter(Mandatory)] [string] $Root,
    [string] $Configuration = 'Release'
)

$ErrorActionPreference = 'Stop'
$out = Join-Path $Root 'out/coverage'
$module = Join-Path $out 'InterviewTools'
$settings = Join-Path $Root 'tests/coverage.runsettings'

. (Join-Path $PSScriptRoot 'Dotnet.ps1')

# coverlet rewrites an assembly only when it can read its symbols beside it and resolve what it references.
function Initialize-Instrumentation {
    param([string] $Folder)
    $assemblies = Get-ChildItem -LiteralPath $Folder -Recurse -Filter 'InterviewTools*.dll'
    foreach ($assembly in $assemblies) {
        $pdb = [IO.Path]::ChangeExtension($assembly.FullName, '.pdb')
        if (Test-Path -LiteralPath $pdb) { continue }
        $stream = [IO.File]::OpenRead($assembly.FullName)
        try {
            $reader = [System.Reflection.PortableExecutable.PEReader]::new($stream)
            $codeView = $reader.ReadDebugDirectory() | Where-Object Type -EQ 'CodeView' | Select-Object -First 1
            $built = $reader.ReadCodeViewDebugDirectoryData($codeView).Path
        } finally { $stream.Dispose() }
        Copy-Item -LiteralPath $built -Destination $pdb
    }
    # The cmdlets reference System.Management.Automation; any copy lets coverlet resolve it (the tests' host loads its own).
    $cmdlets = $assemblies | Where-Object Name -EQ 'InterviewTools.dll'
    Copy-Item -LiteralPath ([psobject].Assembly.Location) -Destination $cmdlets.DirectoryName
    @($assemblies.DirectoryName | Sort-Object -Unique)
}

function Invoke-CoveredSuite {
    param([string] $Name, [string] $Project, [string[]] $Extra)
    $results = Join-Path $out $Name
    Invoke-Dotnet (@('test', (Join-Path $Root $Project), '-c', $Configuration, '-f', 'net10.0', '--no-build',
            '--collect', 'XPlat Code Coverage', '--settings', $settings, '--results-directory', $results) + $Extra)
    Get-ChildItem -LiteralPath $results -Recurse -Filter 'coverage.cobertura.xml' | Select-Object -First 1
}

# Per (assembly, file, line): was it hit, and how many of its branch outcomes were taken out of how many.
function Read-Cobertura {
    param([string] $Path)
    $lines = @{}
    $report = ([xml](Get-Content -LiteralPath $Path -Raw)).coverage
    # File names are relative to one of the report's source roots, which differ between reports.
    $sources = @($report.sources.source)
    $files = @{}
    foreach ($package in $report.packages.package) {
        foreach ($class in $package.classes.class) {
            $file = $files[$class.filename]
            if (-not $file) {
                $file = $sources | ForEach-Object { Join-Path $_ $class.filename } | Where-Object { Test-Path -LiteralPath $_ } | Select-Object -First 1
                $files[$class.filename] = $file
            }
            foreach ($line in $class.lines.line) {
                $key = "$($package.name)|$file|$($line.number)"
                $taken = 0; $total = 0
                if ($line.branch -eq 'True' -and $line.'condition-coverage' -match '\((\d+)/(\d+)\)') { $taken = [int]$Matches[1]; $total = [int]$Matches[2] }
                $known = $lines[$key]
                if ($known) {
                    $known.Hit = $known.Hit -or [int]$line.hits -gt 0
                    $known.Taken = [Math]::Max($known.Taken, $taken); $known.Total = [Math]::Max($known.Total, $total)
                } else {
                    $lines[$key] = [pscustomobject]@{ Assembly = $package.name; Hit = [int]$line.hits -gt 0; Taken = $taken; Total = $total }
                }
            }
        }
    }
    $lines
}

function Merge-Coverage {
    param([hashtable[]] $Reports)
    $merged = @{}
    foreach ($report in $Reports) {
        foreach ($key in $report.Keys) {
            $line = $report[$key]
            $known = $merged[$key]
            if ($known) {
                $known.Hit = $known.Hit -or $line.Hit
                $known.Taken = [Math]::Max($known.Taken, $line.Taken); $known.Total = [Math]::Max($known.Total, $line.Total)
            } else {
                $merged[$key] = [pscustomobject]@{ Assembly = $line.Assembly; Hit = $line.Hit; Taken = $line.Taken; Total = $line.Total }
            }
        }
    }
    $merged
}

function Get-CoverageRow {
    param([string] $Suite, [hashtable] $Lines)
    foreach ($group in $Lines.Values | Group-Object Assembly | Sort-Object Name) {
        $hit = @($group.Group | Where-Object Hit).Count
        $taken = ($group.Group | Measure-Object Taken -Sum).Sum
        $total = ($group.Group | Measure-Object Total -Sum).Sum
        [pscustomobject]@{
            Suite    = $Suite
            Assembly = $group.Name
            Lines    = '{0:P1} ({1}/{2})' -f ($hit / $group.Count), $hit, $group.Count
            Branches = '{0:P1} ({1}/{2})' -f ($(if ($total) { $taken / $total } else { 1 })), $taken, $total
        }
    }
}

if (Test-Path -LiteralPath $out) { Remove-Item -LiteralPath $out -Recurse -Force }
Invoke-Dotnet @('build', (Join-Path $Root 'InterviewTools.sln'), '-c', $Configuration)
# A second copy of the module, laid out by the one MSBuild target that knows the layout.
Invoke-Dotnet @('build', (Join-Path $Root 'src/InterviewTools/InterviewTools.csproj'), '-c', $Configuration, '--no-restore', "-p:ModuleOutputDirectory=$module/")
$folders = Initialize-Instrumentation -Folder $module

$engine = Invoke-CoveredSuite -Name 'engine-tests' -Project 'tests/InterviewTools.Engine.Tests/InterviewTools.Engine.Tests.csproj'
$env:INTERVIEWTOOLS_TEST_MODULE = Join-Path $module 'InterviewTools.psd1'
try {
    $hosted = Invoke-CoveredSuite -Name 'hosted-tests' -Project 'tests/InterviewTools.Tests/InterviewTools.Tests.csproj' -Extra @(
        '--', "DataCollectionRunSettings.DataCollectors.DataCollector.Configuration.IncludeDirectory=$($folders -join ',')")
} finally { $env:INTERVIEWTOOLS_TEST_MODULE = $null }

$engineLines = Read-Cobertura $engine.FullName
$hostedLines = Read-Cobertura $hosted.FullName
$rows = @(Get-CoverageRow -Suite 'InterviewTools.Engine.Tests' -Lines $engineLines) +
    @(Get-CoverageRow -Suite 'InterviewTools.Tests (hosted)' -Lines $hostedLines) +
    @(Get-CoverageRow -Suite 'both' -Lines (Merge-Coverage $engineLines, $hostedLines))
$rows | Format-Table -AutoSize | Out-String -Width 160 | Out-Host
Write-Host "Reports: $($engine.FullName), $($hosted.FullName)"
