# Dot-sourced by build.ps1 and tools/Measure-Coverage.ps1.

# Runs dotnet with the given arguments, shows its output, and stops the caller if it fails.
function Invoke-Dotnet {
    param([string[]] $Arguments)
    & dotnet @Arguments | Out-Host
    if ($LASTEXITCODE -ne 0) { throw "dotnet $($Arguments -join ' ') failed with exit code $LASTEXITCODE." }
}
