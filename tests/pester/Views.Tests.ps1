#Requires -Version 7.2
<#
    The default table views (module/InterviewTools.format.ps1xml) as a console 80 and 120 columns wide shows them:
    every column that matters is there, and its values can be read, not only its header. The objects come from real runs
    against the fake Gemini server with a daily limit of 2, so there are Succeeded, from-cache, Deferred and fallback rows, a
    quota row that is exhausted with a 429 as its last error, and cache entries of both providers.
#>

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')
    $savedEnvironment = Save-TestEnvironment

    # Display cells of a line as a terminal counts them: East Asian wide characters take two.
    function Measure-Cells([string] $Text) {
        $cells = 0
        foreach ($character in $Text.ToCharArray()) {
            $code = [int]$character
            $wide = ($code -ge 0x1100 -and $code -le 0x115F) -or ($code -ge 0x2E80 -and $code -le 0xA4CF) -or
                ($code -ge 0xAC00 -and $code -le 0xD7A3) -or ($code -ge 0xF900 -and $code -le 0xFAFF) -or
                ($code -ge 0xFE30 -and $code -le 0xFE4F) -or ($code -ge 0xFF00 -and $code -le 0xFF60) -or ($code -ge 0xFFE0 -and $code -le 0xFFE6)
            $cells += if ($wide) { 2 } else { 1 }
        }
        $cells
    }

    # The table as text at $Width, after checking that no line is wider than the console.
    function Show-Table($InputObject, [int] $Width) {
        $text = $InputObject | Out-String -Width $Width
        foreach ($line in $text -split "`r?`n") {
            if ((Measure-Cells $line) -gt $Width) { throw "A line is wider than $Width columns: '$line'" }
        }
        $text
    }

    # The row of a table whose line matches $Pattern (anchored at its start): its named groups' values by name.
    function Find-Row([string] $Table, [string] $Pattern) {
        $match = [regex]::Match($Table, "(?m)^$Pattern\s*$")
        if (-not $match.Success) { throw "No row matches '$Pattern' in:`n$Table" }
        $cells = @{}
        foreach ($group in $match.Groups) { if ($group.Name -notmatch '^\d+$') { $cells[$group.Name] = $group.Value } }
        $cells
    }

    # The first characters of a value, as a row must show them to be readable.
    function Get-Start([string] $Text, [int] $Length) { $Text.Substring(0, [Math]::Min($Length, $Text.Length)) }
}

AfterAll {
    Remove-Module InterviewTools -ErrorAction SilentlyContinue
    Restore-TestEnvironment -Saved $savedEnvironment
}

Describe 'Default views' -Tag 'Offline' {
    BeforeAll {
        $secret = 'AIzaSy-PESTER-VIEWS-7a21'
        $model = 'gemini-3.1-flash-lite'   # the longest model id of the default chain
        $fake = Start-FakeGemini -Root $repositoryRoot -Key @{ $secret = 'project-views' } -Model $model -Rpd 2
        $env:GOOGLE_GEMINI_BASE_URL = $fake.BaseUrl
        $env:GEMINI_API_KEYS = "views=$secret"
        $env:GEMINI_API_KEY = $null
        $env:GOOGLE_API_KEY = $null
        $null = Use-TestStateDirectory -Config "builtInLimits: false`nmodels: [ $model ]`n"
        Import-Module $moduleManifest -Force -ErrorAction Stop

        $files = @(Get-ChildItem -LiteralPath $samplePosts -File)
        $succeeded = @($files | Invoke-PostSummary)   # the day's 2 requests
        $deferred = Invoke-PostSummary -Text '【面经】第三篇：什么是 GQA？' -MaxWaitSec 0 -WarningAction SilentlyContinue
        $fallback = Invoke-PostSummary -Text '【面经】第四篇：什么是 MoE？' -MaxWaitSec 0 -Fallback Offline -WarningAction SilentlyContinue
        $cached = Invoke-PostSummary -LiteralPath $files[0].FullName
        # A failed post needs a broken answer, which the fake's program mode cannot script; the view only reads properties.
        $failed = [InterviewTools.PostSummary]@{
            Source = Join-Path $TestDrive 'broken-answer.txt'; Status = 'Failed'; Model = $model
            Error = 'The answer is not valid JSON: unexpected end of data at position 812.'
        }
        $summaries = @($succeeded) + $deferred + $fallback + $cached + $failed
        $quota = @(Get-QuotaStatus)
        $entries = @(Get-PostSummaryCache)
        # A plan of a cached post and a missing file; the day's 2 requests are spent, so its one route is unusable.
        $plan = Measure-PostSummary -LiteralPath $files[0].FullName, (Join-Path $TestDrive 'missing.txt') -MaxWaitSec 0 -ErrorAction SilentlyContinue
        $detailed = Measure-PostSummary -LiteralPath $files[0].FullName -Detailed
    }

    AfterAll {
        Stop-FakeGemini -Fake $fake
    }

    It 'has the rows it is meant to show' {
        $succeeded.Status | Should -Be @('Succeeded', 'Succeeded')
        $deferred.Status | Should -Be 'Deferred'
        $fallback.Fallback | Should -BeTrue
        $cached.Status | Should -Be 'Succeeded'
        $cached.FromCache | Should -BeTrue
        $quota.Count | Should -Be 1
        $quota[0].State | Should -Be 'ExhaustedToday'
        $entries.Fallback | Should -Contain $true
        $entries.Provider | Should -Contain 'Gemini'
    }

    Context 'at <Width> columns' -ForEach @(
        @{ Width = 80; SummaryCells = 24; ErrorCells = 8 }
        @{ Width = 120; SummaryCells = 60; ErrorCells = 40 }
    ) {
        It 'PostSummary: Source, Status, the whole model id, and a Summary one can read' {
            $table = Show-Table $summaries $Width

            $table | Should -Match '(?m)^Source\s+Status\s+Model\s+Summary\s*$'
            foreach ($result in $succeeded) {
                $name = [regex]::Escape((Get-Start ([IO.Path]::GetFileName($result.Source)) 12))
                $row = Find-Row $table "(?<source>$name\S*)\s+Succeeded\s+$([regex]::Escape($model))\s+(?<summary>.+?)"
                $row['summary'] | Should -BeLike "$(Get-Start $result.Summary 8)*"
                Measure-Cells $row['summary'] | Should -BeGreaterOrEqual ([Math]::Min($SummaryCells, (Measure-Cells $result.Summary)))
            }
            $null = Find-Row $table "$([regex]::Escape((Get-Start $files[0].Name 12)))\S*\s+Succeeded\s+$([regex]::Escape($model))\s+\S.+"
            $null = Find-Row $table "text:\d+\s+Succeeded\s+offline-extractive\s+\S.+"
            $failedRow = Find-Row $table "broken-answer\.txt\s+Failed\s+$([regex]::Escape($model))\s+(?<error>.+?)"
            $failedRow['error'] | Should -BeLike 'The answer is not valid*'
        }

        It 'PostSummary: a deferred post shows when its quota returns, uncut' {
            $table = Show-Table $summaries $Width

            $row = Find-Row $table "text:\d+\s+Deferred\s+\S+\s+(?<when>quota returns .+?)"
            $row['when'] | Should -Not -Match '…'
            $row['when'] | Should -Match ([regex]::Escape($deferred.RetryAt.LocalDateTime.ToString('HH:mm')))
        }

        It 'QuotaStatus: the key and project, and Left, Until and LastError, which say when work can resume' {
            $table = Show-Table $quota $Width
            $row = $quota[0]

            $table | Should -Match "(?m)^\s*Key: $([regex]::Escape($row.KeyId)) \(project views, tier $($row.Tier)\)\s*$"
            $table | Should -Match '(?m)^Model\s+State\s+Minute\s+Today\s+Left\s+Until\s+LastError\s*$'
            $cells = Find-Row $table "$([regex]::Escape($model))\s+ExhaustedToday\s+\d+/\S+\s+2/2\s+(?<left>0)\s+(?<until>\d\d:\d\d)\s+(?<error>429.+?)"
            $cells['until'] | Should -Be $row.ResetsAt.ToString('HH:mm')
            Measure-Cells $cells['error'] | Should -BeGreaterOrEqual $ErrorCells
        }

        It 'SummaryPlan: a short report whose lines fit, and -Detailed adds the routes' {
            $report = Show-Table $plan $Width
            $report | Should -Match '(?m)^Posts\s+2: 1 cached, 1 unreadable, 0 too long, 0 to send$'
            $report | Should -Match '(?m)^Fits today\s+Yes'
            $report | Should -Match '(?m)^Cost\s+\$0 charged'
            $report | Should -Not -Match 'Routes in chain order'
            $routes = Show-Table $detailed $Width
            $routes | Should -Match '(?m)^Routes in chain order'
            $routes | Should -Match "(?m)^views\s+$([regex]::Escape($model))\s+unusable\s"
        }

        It 'PostSummaryCacheEntry: Provider, Fallback, Size and a Title one can read' {
            $table = Show-Table $entries $Width

            $table | Should -Match '(?m)^CachedAt\s+Source\s+Provider\s+Fallback\s+Size\s+Title\s*$'
            $standIn = $entries | Where-Object Fallback
            $row = Find-Row $table "\d{4}-\d\d-\d\d \d\d:\d\d\s+text:\d+\s+Offline\s+True\s+(?<size>[\d.,]+ KB)\s+(?<title>.+?)"
            $row['title'] | Should -BeLike "$(Get-Start $standIn.Title 6)*"
            foreach ($entry in $entries | Where-Object Provider -eq 'Gemini') {
                $name = [regex]::Escape((Get-Start ([IO.Path]::GetFileName($entry.Source)) 12))
                $row = Find-Row $table "$([regex]::Escape($entry.CachedAt.LocalDateTime.ToString('yyyy-MM-dd HH:mm')))\s+$name\S*\s+Gemini\s+False\s+(?<size>[\d.,]+ KB)\s+(?<title>.+?)"
                $row['title'] | Should -BeLike "$(Get-Start $entry.Title 6)*"
            }
        }
    }

    It 'keeps those columns in a real pwsh console, whose default output is as wide as the console' {
        # One Out-Default per command, as for two commands typed at the prompt.
        $child = Invoke-ChildPwsh -Script @'
$Host.UI.RawUI.BufferSize.Width
Get-QuotaStatus | Out-Default
Get-PostSummaryCache | Out-Default
'@
        $child.ExitCode | Should -Be 0 -Because $child.Error
        $text = $child.Output -replace '\x1b\[[0-9;]*m'   # $PSStyle colours the headers; they take no columns
        $lines = $text -split "`r?`n"
        $width = [int]$lines[0]
        $width | Should -BeLessOrEqual 120
        $lines | ForEach-Object { Measure-Cells $_ | Should -BeLessOrEqual $width -Because "'$_' must fit the console" }
        $text | Should -Match '(?m)^Model\s+State\s+Minute\s+Today\s+Left\s+Until\s+LastError\s*$'
        $text | Should -Match '(?m)^gemini-3\.1-flash-lite\s+ExhaustedToday\s+.*\s429'
        $text | Should -Match '(?m)^CachedAt\s+Source\s+Provider\s+Fallback\s+Size\s+Title\s*$'
    }
}
