#Requires -Version 7.2
<#
    A user's own script module that wraps Invoke-PostSummary (InterviewNotes/InterviewNotes.psm1), tested the way its
    author would: Mock -ModuleName InterviewNotes Invoke-PostSummary. Pester cannot mock inside a binary module, but it
    can mock the module's cmdlets as a caller sees them; the mock takes the real cmdlet's parameters, so a FileInfo
    piped in binds -LiteralPath as it does for the real one.
#>

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')
    $savedEnvironment = Save-TestEnvironment
    Import-Module $moduleManifest -Force -ErrorAction Stop
    Import-Module (Join-Path $PSScriptRoot 'InterviewNotes/InterviewNotes.psm1') -Force -ErrorAction Stop
}

AfterAll {
    Remove-Module InterviewNotes, InterviewTools -ErrorAction SilentlyContinue
    Restore-TestEnvironment -Saved $savedEnvironment
}

Describe 'A script module that wraps Invoke-PostSummary' -Tag 'Offline' {
    BeforeEach {
        $null = Use-TestStateDirectory
        $folder = New-Item -ItemType Directory -Path (Join-Path $TestDrive ('posts-' + [guid]::NewGuid().ToString('N').Substring(0, 6)))
        foreach ($name in 'a', 'b', 'c') { Set-Content -LiteralPath (Join-Path $folder "$name.txt") -Value "【面经】$name：什么是 GQA？" -Encoding utf8 }
        Set-Content -LiteralPath (Join-Path $folder 'readme.md') -Value 'not a post' -Encoding utf8
        $notes = Join-Path $folder 'notes.yaml'
        $retryAt = [datetimeoffset]::new(2026, 12, 4, 8, 0, 0, [timespan]::Zero)

        # A stand-in answer per post: c.txt is deferred, the others succeed.
        Mock -ModuleName InterviewNotes Invoke-PostSummary {
            foreach ($path in $LiteralPath) {
                $deferred = [IO.Path]::GetFileName($path) -eq 'c.txt'
                [InterviewTools.PostSummary]@{
                    Source  = $path
                    Status  = if ($deferred) { 'Deferred' } else { 'Succeeded' }
                    Summary = if ($deferred) { '' } else { "notes of $([IO.Path]::GetFileName($path))" }
                    RetryAt = if ($deferred) { $retryAt } else { $null }
                    Model   = $Model[0]
                }
            }
        }
    }

    It 'sends each post of the folder, bound by -LiteralPath, with its model chain and no waiting' {
        $null = Update-InterviewNotes -Folder $folder -Notes $notes -Model gemini-3.1-flash-lite

        Should -Invoke Invoke-PostSummary -ModuleName InterviewNotes -Times 3 -Exactly
        Should -Invoke Invoke-PostSummary -ModuleName InterviewNotes -Times 3 -Exactly -ParameterFilter {
            $LiteralPath.Count -eq 1 -and $LiteralPath[0] -like '*.txt' -and "$Model" -eq 'gemini-3.1-flash-lite' -and $MaxWaitSec -eq 0
        }
        Should -Invoke Invoke-PostSummary -ModuleName InterviewNotes -Times 0 -Exactly -ParameterFilter { $LiteralPath -like '*.md' }
    }

    It 'writes the finished posts to the notes file and reports the deferred one with when to try again' {
        $report = Update-InterviewNotes -Folder $folder -Notes $notes

        $report.Finished | Should -Be 2
        $report.Deferred | Should -Be 1
        $report.NextTry | Should -Be $retryAt
        $written = @(Import-PostSummary -LiteralPath $notes)
        $written.Summary | Sort-Object | Should -Be @('notes of a.txt', 'notes of b.txt')
        $written.Model | Should -Be @('gemini-3.5-flash', 'gemini-3.5-flash') -Because 'the default chain starts with gemini-3.5-flash'
    }

    It 'mocks the cmdlet only as the module sees it: a call from outside reaches the real one' {
        $env:GEMINI_API_KEY = $null
        $env:GEMINI_API_KEYS = $null
        $env:GOOGLE_API_KEY = $null

        $real = Invoke-PostSummary -LiteralPath (Join-Path $folder 'a.txt') -WarningAction SilentlyContinue

        $real.Provider | Should -Be 'Offline' -Because 'without a key the real cmdlet summarizes offline'
        $real.Summary | Should -Not -BeLike 'notes of*'
        Should -Invoke Invoke-PostSummary -ModuleName InterviewNotes -Times 0 -Exactly
    }
}
