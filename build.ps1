<#
.SYNOPSIS
    Builds, tests or cleans InterviewTools. Runs on PowerShell 7 and Windows PowerShell 5.1.
.DESCRIPTION
    Build assembles out/InterviewTools through the MSBuild step in src/InterviewTools/InterviewTools.csproj;
    this script adds no layout logic of its own. Test runs `dotnet test` and then, where Pester 5 is
    installed, the Pester suite in a fresh PowerShell process against the assembled module.
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Test', 'Clean')]
    [string] $Task = 'Build',

    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release'
)

$ErrorActionPreference = 'Stop'
$root = $PSScriptRoot

function Invoke-Dotnet {
    param([string[]] $Arguments)
    & dotnet @Arguments
    if ($LASTEXITCODE -ne 0) { throw "dotnet $($Arguments -join ' ') failed with exit code $LASTEXITCODE." }
}

switch ($Task) {
    'Build' {
        Invoke-Dotnet @('build', (Join-Path $root 'src/InterviewTools/InterviewTools.csproj'), '-c', $Configuration)
    }
    'Test' {
        Invoke-Dotnet @('test', (Join-Path $root 'InterviewTools.sln'), '-c', $Configuration)
        $pester = Get-Module -ListAvailable -Name Pester | Where-Object { $_.Version -ge [version]'5.0' } | Select-Object -First 1
        if ($null -eq $pester) {
            Write-Warning 'Pester 5 is not installed; skipped tests/pester. Install-Module Pester -MinimumVersion 5.0 to run it.'
            return
        }
        $shell = (Get-Process -Id $PID).Path
        $script = "Import-Module Pester -MinimumVersion 5.0; `$c = New-PesterConfiguration; `$c.Run.Path = '$(Join-Path $root 'tests/pester')'; `$c.Run.Exit = `$true; `$c.Output.Verbosity = 'Detailed'; `$c.TestResult.Enabled = `$true; `$c.TestResult.OutputPath = '$(Join-Path $root 'out/pester-results.xml')'; Invoke-Pester -Configuration `$c"
        & $shell -NoProfile -Command $script
        if ($LASTEXITCODE -ne 0) { throw "Pester failed with exit code $LASTEXITCODE." }
    }
    'Clean' {
        Invoke-Dotnet @('clean', (Join-Path $root 'InterviewTools.sln'))
        $out = Join-Path $root 'out'
        if (Test-Path -LiteralPath $out) { Remove-Item -LiteralPath $out -Recurse -Force }
    }
}
