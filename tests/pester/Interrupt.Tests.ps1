#Requires -Version 7.2
<#
    Ctrl+C in a real console: the main job runs in a child real pwsh, gets SIGINT (what the terminal sends for Ctrl+C)
    halfway through, and the same command run again in a new pwsh sends only the posts that were not finished, as the
    fake Gemini server's own request log shows, and ends with every post summarized once in the YAML file.
#>

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')
    $savedEnvironment = Save-TestEnvironment
    $secret = 'AIzaSy-PESTER-INTERRUPT-93fa'
    $env:GEMINI_API_KEY = $secret
    $env:GEMINI_API_KEYS = $null
    $env:GOOGLE_API_KEY = $null
    Import-Module $moduleManifest -Force -ErrorAction Stop

    # The post a generate request carried, by the ASCII marker each test post has (the body is JSON, which may escape Chinese).
    function Get-SentMarker($Requests) {
        foreach ($request in $Requests) { [regex]::Match($request.Body, 'marker-\d\d').Value }
    }
}

AfterAll {
    Remove-Module InterviewTools -ErrorAction SilentlyContinue
    Restore-TestEnvironment -Saved $savedEnvironment
}

Describe 'Ctrl+C in the middle of a run, then the same command again' -Tag 'Offline' {
    BeforeAll {
        $fake = Start-FakeGemini -Root $repositoryRoot -Key @{ $secret = 'project-interrupt' } -LatencyMs 600
        $env:GOOGLE_GEMINI_BASE_URL = $fake.BaseUrl
        $null = Use-TestStateDirectory
        $folder = New-Item -ItemType Directory -Path (Join-Path $TestDrive 'posts')
        $markers = 1..10 | ForEach-Object { 'marker-{0:00}' -f $_ }
        foreach ($marker in $markers) {
            [IO.File]::WriteAllText((Join-Path $folder "$marker.txt"), "【大模型一面】$marker`n1. 什么是 GQA？`n2. RoPE 怎么外推？`n")
        }
        $yaml = Join-Path $TestDrive 'summaries.yaml'
        $job = "Get-ChildItem -LiteralPath '$folder' -File | Invoke-PostSummary -ThrottleLimit 2 | Export-PostSummary -LiteralPath '$yaml'"

        # The first run, stopped once three answers are in.
        $child = Start-ChildPwsh -Script $job
        $started = Wait-Until { @(Get-FakeGeminiRequest -Fake $fake -Route Generate | Where-Object Status -EQ 200).Count -ge 3 } -TimeoutSec 60
        $first = Stop-ChildPwsh -Child $child
        $sentFirst = @(Get-FakeGeminiRequest -Fake $fake -Route Generate)
        # What the user has after Ctrl+C: the posts in the YAML file, and the result cache that a rerun answers from.
        $finishedFirst = @(Import-PostSummary -LiteralPath $yaml -WarningVariable tornFirst -WarningAction SilentlyContinue |
            ForEach-Object { [IO.Path]::GetFileNameWithoutExtension($_.Source) } | Sort-Object)
        $cachedFirst = @(Get-PostSummaryCache | ForEach-Object { [IO.Path]::GetFileNameWithoutExtension($_.Source) } | Sort-Object)

        $rerun = Invoke-ChildPwsh -Script $job
        $sentRerun = @(Get-FakeGeminiRequest -Fake $fake -Route Generate | Select-Object -Skip $sentFirst.Count)
        $exported = @(Import-PostSummary -LiteralPath $yaml)
    }

    AfterAll {
        Stop-FakeGemini -Fake $fake
    }

    It 'stops the first run at once, part of the way through, and cancels the requests in flight' {
        $started | Should -BeTrue -Because 'the first run must get going before Ctrl+C'
        $first.Stopping.TotalSeconds | Should -BeLessThan 10
        $finishedFirst.Count | Should -BeGreaterOrEqual 2
        $finishedFirst.Count | Should -BeLessThan $markers.Count -Because 'Ctrl+C came before the end'
        @($sentFirst | Where-Object Status -EQ 499).Count | Should -BeGreaterOrEqual 1 -Because 'the fake logs a request its client gave up as 499'
    }

    It 'keeps every post the first run finished, in a YAML file that reads back whole and in the cache' {
        $tornFirst | Should -BeNullOrEmpty
        $finishedFirst | ForEach-Object { $_ | Should -BeIn $cachedFirst }
        $cachedFirst.Count | Should -BeLessThan $markers.Count
    }

    It 'sends only the posts that were not finished when it is run again' {
        $rerun.ExitCode | Should -Be 0 -Because $rerun.Error
        $missing = @($markers | Where-Object { $_ -notin $cachedFirst })
        @(Get-SentMarker $sentRerun | Sort-Object) | Should -Be $missing
    }

    It 'ends with every post summarized once in the YAML file' {
        @($exported | ForEach-Object { [IO.Path]::GetFileNameWithoutExtension($_.Source) } | Sort-Object) | Should -Be $markers
        $exported | ForEach-Object {
            $_.Status | Should -Be 'Succeeded' -Because 'a post the first run finished stays Succeeded, with FromCache'
            $_.Summary | Should -Not -BeNullOrEmpty
            $_.Title | Should -BeLike "*$([IO.Path]::GetFileNameWithoutExtension($_.Source))" -Because 'each summary is of its own post'
        }
    }
}
