#Requires -Version 7.2
<#
    Write-Progress as it reaches the real console host. Each test runs Invoke-PostSummary in a child real pwsh started
    with -OutputFormat xml, where the console host serializes every progress record it is given to CLIXML instead of
    drawing it, so the test reads exactly what the host received. (Whether a pwsh 7 console draws an update that follows
    another too quickly is issue 14; these tests check that the records reach the host.)
#>

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')
    $savedEnvironment = Save-TestEnvironment
    $secret = 'AIzaSy-PESTER-PROGRESS-2b6e'
    $model = 'gemini-3.5-flash'
    $env:GEMINI_API_KEY = $secret
    $env:GEMINI_API_KEYS = $null
    $env:GOOGLE_API_KEY = $null
}

AfterAll {
    Restore-TestEnvironment -Saved $savedEnvironment
}

Describe 'Progress in the real host' -Tag 'Offline' {
    BeforeEach {
        $fake = Start-FakeGemini -Root $repositoryRoot -Key @{ $secret = 'project-progress' } -Model $model -LatencyMs 150
        $env:GOOGLE_GEMINI_BASE_URL = $fake.BaseUrl
    }

    AfterEach {
        Stop-FakeGemini -Fake $fake
    }

    It 'reports each post of a run as it is sent and completes the record at the end' {
        $null = Use-TestStateDirectory

        $child = Invoke-ChildPwsh -XmlOutput -Script "Invoke-PostSummary -Text 'a 面经', 'b 面经', 'c 面经' -Model $model -ThrottleLimit 1"

        $child.ExitCode | Should -Be 0 -Because $child.Error
        @(Get-CliXmlOutput $child.Output | ForEach-Object { $_.Status.ToString() }) | Should -Be @('Succeeded', 'Succeeded', 'Succeeded')
        $records = @(Get-CliXmlProgress $child.Error | Where-Object Activity -Match ([regex]::Escape($model)))
        $running = @($records | Where-Object RecordType -EQ 'Processing')
        foreach ($source in 'text:1', 'text:2', 'text:3') {
            @($running | Where-Object StatusDescription -Match "\b$source$").Count | Should -Be 1 -Because "sending $source is reported once"
        }
        $running[-1].StatusDescription | Should -Match '^2 of 3 done, 1 in flight: text:3$'
        $records[-1].RecordType | Should -Be 'Completed'
        @($records.ActivityId | Sort-Object -Unique).Count | Should -Be 1
    }

    It 'shows a wait for quota in a progress record with the route, the reason and the seconds left, and Ctrl+C ends the wait at once' {
        # The module's own limit of 1 request a minute makes the second post wait about 60 s; the fake would take it.
        $null = Use-TestStateDirectory -Config "builtInLimits: false`nlimits:`n  ${model}: { rpm: 1 }`n"

        $child = Start-ChildPwsh -XmlOutput -Script "Invoke-PostSummary -Text 'a 面经', 'b 面经' -Model $model -ThrottleLimit 1 -MaxWaitSec 120 -Verbose"
        $sent = Wait-Until { @(Get-FakeGeminiRequest -Fake $fake -Route Generate).Count -ge 1 } -TimeoutSec 60
        Start-Sleep -Seconds 5   # the records reach the test only when the child ends; give the wait time to begin and be shown again
        $result = Stop-ChildPwsh -Child $child

        $sent | Should -BeTrue -Because 'the first post is sent'
        $waits = @(Get-CliXmlProgress $result.Error | Where-Object StatusDescription -Like 'Waiting until*')
        $waits.Count | Should -BeGreaterOrEqual 1 -Because 'the wait must reach the host as a progress record'
        $wait = $waits[0]
        $wait.StatusDescription | Should -Match "^Waiting until \d\d:\d\d:\d\d for quota \($([regex]::Escape($model)) via key-[0-9a-f]{8} \([^)]+\): 1/1 requests this minute \(configured in config\.yaml\)\); 1 of 2 done$"
        $wait.SecondsRemaining | Should -BeGreaterThan 40
        $wait.SecondsRemaining | Should -BeLessOrEqual 61
        $wait.Activity | Should -Match ([regex]::Escape($model))
        # A console draws an update only when the one before is old enough: the wait's record is sent again every second.
        $waits.Count | Should -BeGreaterOrEqual 3 -Because 'a wait of about 5 s is shown again at least once a second'
        $waits[-1].SecondsRemaining | Should -BeLessThan $wait.SecondsRemaining -Because 'each record counts the seconds down'
        $verbose = @(Get-CliXmlElement -Text $result.Error -Stream 'verbose' | ForEach-Object InnerText)
        $verbose | Where-Object { $_ -match "^text:2: waiting \d+ s for quota, until \d\d:\d\d:\d\d local: $([regex]::Escape($model)) via key-[0-9a-f]{8} \([^)]+\): 1/1 requests this minute \(configured in config\.yaml\)\.$" } |
            Should -HaveCount 1 -Because '-Verbose says when and why the wait began'

        $result.Stopping.TotalSeconds | Should -BeLessThan 10 -Because 'Ctrl+C must not sit out the wait'
        @(Get-CliXmlOutput $result.Output).Source | Should -Be 'text:1' -Because 'the post finished before Ctrl+C is not lost'
        @(Get-FakeGeminiRequest -Fake $fake -Route Generate).Count | Should -Be 1
    }
}
