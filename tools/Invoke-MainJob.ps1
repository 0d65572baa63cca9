<#
.SYNOPSIS
    The main job, as a user types it, in the process build.ps1 -Task Summarize starts: imports the assembled module and
    summarizes ./samples into ./summaries.yaml (Gemini with a key, the offline summarizer without one).
#>
param(
    [Parameter(Mandatory)] [string] $Root
)

Set-Location -LiteralPath $Root
Import-Module -Name (Join-Path $Root 'out/InterviewTools/InterviewTools.psd1') -ErrorAction Stop
Get-ChildItem ./samples -File | Invoke-PostSummary | Export-PostSummary ./summaries.yaml
