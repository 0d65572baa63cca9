# A user's own script module around InterviewTools, the kind UserModule.Tests.ps1 shows how to test with
# Mock -ModuleName: Pester replaces Invoke-PostSummary as this module sees it, and the real cmdlet is never called.

function Update-InterviewNotes {
    <#
    .SYNOPSIS
        Summarizes the .txt posts of a folder and appends the finished ones to a notes file; deferred posts wait for the next run.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)] [string] $Folder,
        [Parameter(Mandatory)] [string] $Notes,
        [string[]] $Model = @('gemini-3.5-flash', 'gemini-3.1-flash-lite')
    )
    $results = @(Get-ChildItem -LiteralPath $Folder -File -Filter *.txt |
        Invoke-PostSummary -Model $Model -MaxWaitSec 0 -WarningAction SilentlyContinue)
    $finished = @($results | Where-Object Status -EQ 'Succeeded')
    $deferred = @($results | Where-Object Status -EQ 'Deferred')
    if ($finished) { $finished | Export-PostSummary -LiteralPath $Notes -Append }
    [pscustomobject]@{
        Finished = $finished.Count
        Deferred = $deferred.Count
        NextTry  = $deferred | Sort-Object RetryAt | Select-Object -First 1 -ExpandProperty RetryAt
    }
}

Export-ModuleMember -Function Update-InterviewNotes
