#Requires -Version 7.2
<#
    The main user journeys against the assembled module and the fake Gemini server (tests/InterviewTools.FakeGemini),
    reached through $env:GOOGLE_GEMINI_BASE_URL: Pester cannot mock inside a binary module, so the endpoint is the seam.
    Run with ./build.ps1 -Task Test, or: Invoke-Pester ./tests/pester (after `dotnet build`).
#>

BeforeDiscovery {
    # Any YamlDotNet other than the module's own 18.x, from the NuGet cache that building the tests fills.
    $otherYamlDotNet = Get-ChildItem -Path (Join-Path ([Environment]::GetFolderPath('UserProfile')) '.nuget/packages/yamldotnet/*/lib/net*/YamlDotNet.dll') -ErrorAction SilentlyContinue |
        Where-Object { $_.FullName -notmatch '[\\/]18\.' } | Select-Object -First 1 -ExpandProperty FullName
}

BeforeAll {
    $script:root = Resolve-Path (Join-Path $PSScriptRoot '../..')
    . (Join-Path $PSScriptRoot 'FakeGemini.ps1')

    $script:secret = 'AIzaSy-PESTER-SECRET-5e1d'
    $script:fake = Start-FakeGemini -Root $root -Key @{ $secret = 'project-pester' }
    $script:savedEnvironment = @{
        GOOGLE_GEMINI_BASE_URL   = $env:GOOGLE_GEMINI_BASE_URL
        GEMINI_API_KEY           = $env:GEMINI_API_KEY
        GOOGLE_API_KEY           = $env:GOOGLE_API_KEY
        INTERVIEWTOOLS_STATE_DIR = $env:INTERVIEWTOOLS_STATE_DIR
    }
    # A state directory of the suite's own, so the user's ledger and result cache are neither read nor touched.
    $script:stateDirectory = Join-Path ([IO.Path]::GetTempPath()) ('it-pester-' + [guid]::NewGuid().ToString('N'))
    $env:INTERVIEWTOOLS_STATE_DIR = $stateDirectory
    $env:GOOGLE_GEMINI_BASE_URL = $fake.BaseUrl
    $env:GEMINI_API_KEY = $secret
    $env:GOOGLE_API_KEY = $null

    Import-Module (Join-Path $root 'out/InterviewTools/InterviewTools.psd1') -Force -ErrorAction Stop
    $script:samples = Join-Path $root '../shared/samples/posts'
    if (-not (Test-Path -LiteralPath $samples)) { $script:samples = Join-Path $root 'samples' }
}

AfterAll {
    Remove-Module InterviewTools -ErrorAction SilentlyContinue
    foreach ($name in $savedEnvironment.Keys) { [Environment]::SetEnvironmentVariable($name, $savedEnvironment[$name]) }
    if ($fake) { Stop-FakeGemini -Fake $fake }
    if (Test-Path -LiteralPath $stateDirectory) { Remove-Item -LiteralPath $stateDirectory -Recurse -Force }
}

Describe 'The module' -Tag 'Offline' {
    It 'exports exactly its cmdlets' {
        (Get-Command -Module InterviewTools).Name | Sort-Object | Should -Be @('Clear-PostSummaryCache', 'Export-PostSummary', 'Get-PostSummaryCache', 'Get-QuotaStatus', 'Import-PostSummary', 'Invoke-PostSummary', 'Reset-QuotaStatus')
    }

    It 'has help for <_>' -ForEach @('Invoke-PostSummary', 'Export-PostSummary', 'Import-PostSummary', 'Get-QuotaStatus', 'Reset-QuotaStatus', 'Get-PostSummaryCache', 'Clear-PostSummaryCache') {
        $help = Get-Help $_ -Full
        $help.Synopsis | Should -Not -BeNullOrEmpty
        $help.Synopsis | Should -Not -BeLike "$_ *"
        @($help.Examples.Example).Count | Should -BeGreaterOrEqual 3
    }
}

Describe 'Get-ChildItem | Invoke-PostSummary | Export-PostSummary' -Tag 'Offline' {
    BeforeAll {
        $script:yaml = Join-Path $TestDrive 'summaries.yaml'
        $script:files = Get-ChildItem -LiteralPath $samples -File
        $script:results = $files | Invoke-PostSummary
        $files | Invoke-PostSummary | Export-PostSummary -Path $yaml
    }

    It 'emits one PostSummary per post' {
        $results.Count | Should -Be $files.Count
        $results | ForEach-Object { $_.PSObject.TypeNames[0] | Should -Be 'InterviewTools.PostSummary' }
        $results.Status | Sort-Object -Unique | Should -Be 'Succeeded'
        $results.Source | Sort-Object | Should -Be ($files.FullName | Sort-Object)
    }

    It 'records provenance with a key fingerprint, never the key' {
        $results | ForEach-Object {
            $_.KeyId | Should -Match '^key-[0-9a-f]{8}$'
            $_.Model | Should -Not -BeNullOrEmpty
            $_.Attempts | Should -BeGreaterOrEqual 1
            $_.ContentHash | Should -Match '^sha256:[0-9a-f]{64}$'
        }
        ($results | Format-List * | Out-String) | Should -Not -Match ([regex]::Escape($secret))
    }

    It 'shows a table with Source, Status, Model and Summary' {
        $table = $results | Format-Table | Out-String
        $table | Should -Match 'Source\s+Status\s+Model\s+Summary'
        $table | Should -Match 'Succeeded'
    }

    It 'writes one YAML document per post with Chinese intact and no key' {
        $text = Get-Content -LiteralPath $yaml -Raw -Encoding utf8
        ([regex]::Matches($text, '(?m)^---$')).Count | Should -Be $files.Count
        $text | Should -Match '大模型'
        $text | Should -Not -Match '\\u'
        $text | Should -Not -Match ([regex]::Escape($secret))
        [System.IO.File]::ReadAllBytes($yaml)[0] | Should -Not -Be 0xEF
    }

    It 'reads back with powershell-yaml when it is installed' -Skip:(-not (Get-Module -ListAvailable powershell-yaml)) {
        Import-Module powershell-yaml
        $documents = Get-Content -LiteralPath $yaml -Raw | ConvertFrom-Yaml -AllDocuments
        @($documents).Count | Should -Be $files.Count
        @($documents)[0].Status | Should -Be 'Succeeded'
    }
}

Describe 'Input' -Tag 'Offline' {
    It 'takes -Text as one post per string' {
        $results = Invoke-PostSummary -Text '【字节一面】什么是 GQA？', 'RoPE 怎么外推？ #面经[话题]#'
        $results.Source | Should -Be @('text:1', 'text:2')
        $results[0].Title | Should -Be '【字节一面】什么是 GQA？'
        $results[1].Topics | Should -Be @('面经')
    }

    It 'resolves relative wildcard paths from the current location' {
        $folder = New-Item -ItemType Directory -Path (Join-Path $TestDrive 'posts')
        Set-Content -LiteralPath (Join-Path $folder 'a.txt') -Value '什么是 LoRA？' -Encoding utf8
        Set-Content -LiteralPath (Join-Path $folder 'b.txt') -Value '什么是 MoE？' -Encoding utf8
        Push-Location $TestDrive
        try {
            (Invoke-PostSummary -Path 'posts/*.txt').Count | Should -Be 2
        }
        finally {
            Pop-Location
        }
    }

    It 'gives each bad file its own error and goes on' {
        $empty = New-Item -ItemType File -Path (Join-Path $TestDrive 'empty.txt') -Force
        $good = Join-Path $TestDrive 'good.txt'
        Set-Content -LiteralPath $good -Value '什么是 KV Cache？' -Encoding utf8
        $missing = Join-Path $TestDrive 'missing.txt'

        $results = Invoke-PostSummary -LiteralPath $empty.FullName, $missing, $good -ErrorVariable problems -ErrorAction SilentlyContinue

        $results.Source | Should -Be $good
        $problems.FullyQualifiedErrorId | ForEach-Object { $_.Split(',')[0] } | Sort-Object | Should -Be @('PostEmpty', 'PostNotFound')
        $problems.TargetObject | Should -Contain $missing
    }

    It 'refuses paths on other providers' {
        Invoke-PostSummary -Path 'Env:\PATH' -ErrorVariable problems -ErrorAction SilentlyContinue
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'PathNotFileSystem,*'
    }

    It 'sends nothing and writes nothing with -WhatIf' {
        $results = Get-ChildItem -LiteralPath $samples -File | Invoke-PostSummary -WhatIf
        $results | Should -BeNullOrEmpty
        Get-ChildItem -LiteralPath $samples -File | Invoke-PostSummary | Export-PostSummary (Join-Path $TestDrive 'whatif.yaml') -WhatIf
        Join-Path $TestDrive 'whatif.yaml' | Should -Not -Exist
    }
}

Describe 'Configuration errors' -Tag 'Offline' {
    It 'stops with ApiKeyMissing when no key is set' {
        $saved = $env:GEMINI_API_KEY
        $env:GEMINI_API_KEY = $null
        try {
            { Invoke-PostSummary -Text '面经' -ErrorAction Stop } | Should -Throw -ErrorId 'ApiKeyMissing,*'
        }
        finally {
            $env:GEMINI_API_KEY = $saved
        }
    }

    It 'stops with GeminiModelNotFound for a retired model' {
        { Invoke-PostSummary -Text '面经' -Model 'gemini-1.5-flash' -ErrorAction Stop } | Should -Throw -ErrorId 'GeminiModelNotFound,*'
    }

    It 'stops with GeminiKeyRejected for an unknown key, without printing it' {
        $thrown = $null
        try { Invoke-PostSummary -Text '面经' -ApiKey 'AIzaSy-UNKNOWN-PESTER' -ErrorAction Stop } catch { $thrown = $_ }
        $thrown.FullyQualifiedErrorId | Should -BeLike 'GeminiKeyRejected,*'
        ($thrown | Out-String) | Should -Not -Match 'AIzaSy-UNKNOWN-PESTER'
    }

    It 'accepts a SecureString key' {
        $secure = ConvertTo-SecureString $secret -AsPlainText -Force
        (Invoke-PostSummary -Text '面经' -ApiKey $secure).Status | Should -Be 'Succeeded'
    }
}

Describe 'Export-PostSummary' -Tag 'Offline' {
    It 'refuses to overwrite with -NoClobber' {
        $path = Join-Path $TestDrive 'keep.yaml'
        Set-Content -LiteralPath $path -Value 'keep: me'
        { [pscustomobject]@{ A = 1 } | Export-PostSummary -Path $path -NoClobber -ErrorAction Stop } | Should -Throw -ErrorId 'NoClobber,*'
        Get-Content -LiteralPath $path | Should -Be 'keep: me'
    }

    It 'appends documents with -Append' {
        $path = Join-Path $TestDrive 'append.yaml'
        [pscustomobject]@{ Run = 1 } | Export-PostSummary -Path $path
        [pscustomobject]@{ Run = 2 } | Export-PostSummary -Path $path -Append
        ([regex]::Matches((Get-Content -LiteralPath $path -Raw), '(?m)^---$')).Count | Should -Be 2
    }
}

Describe 'Export-PostSummary | Import-PostSummary round trip' -Tag 'Offline' {
    BeforeAll {
        # Every property, compared as JSON so that lists, timestamps (with their offset) and durations compare by value.
        function script:Get-PropertyJson($summary) {
            $summary.PSObject.Properties | ForEach-Object { '{0}={1}' -f $_.Name, (ConvertTo-Json -InputObject $_.Value -Compress -Depth 3) }
        }
        $script:exported = @(Get-ChildItem -LiteralPath $samples -File | Invoke-PostSummary)
        $script:roundTrip = Join-Path $TestDrive 'roundtrip.yaml'
        $exported | Export-PostSummary -LiteralPath $roundTrip
        $script:imported = @(Import-PostSummary -LiteralPath $roundTrip)
    }

    It 'gives back one PostSummary per exported one' {
        $imported.Count | Should -Be $exported.Count
        $imported | ForEach-Object { $_.PSObject.TypeNames[0] | Should -Be 'InterviewTools.PostSummary' }
    }

    It 'keeps every property equal' {
        for ($i = 0; $i -lt $exported.Count; $i++) {
            Get-PropertyJson $imported[$i] | Should -BeExactly (Get-PropertyJson $exported[$i])
        }
    }

    It 'keeps awkward text, lists, nulls, timestamps and durations exactly' {
        $texts = @("a: b # c`n- d`n? e | f > g", "line 1`r`nline 2", ' both ends ', "tab`there", "---`n...`ninside", '😀 中文【面经】', '', 'null', 'yes', ('长' * 20000))
        $items = foreach ($text in $texts) {
            $summary = [InterviewTools.PostSummary]::new()
            $summary.Source = 'text:' + $texts.IndexOf($text)
            $summary.Summary = $text
            $summary.Tips = @($text, 'plain')
            $summary.Questions = @()
            $summary.Status = 'Deferred'
            $summary.RetryAt = [datetimeoffset]::new(2026, 11, 23, 7, 42, 10, [timespan]::FromHours(8))
            $summary.Duration = [timespan]::FromMilliseconds(2417.3)
            $summary
        }
        $path = Join-Path $TestDrive 'awkward.yaml'
        $items | Export-PostSummary -LiteralPath $path
        $back = @(Import-PostSummary -LiteralPath $path)
        $back.Count | Should -Be $items.Count
        for ($i = 0; $i -lt $items.Count; $i++) {
            Get-PropertyJson $back[$i] | Should -BeExactly (Get-PropertyJson $items[$i])
        }
    }

    It 'appends across two runs' {
        $path = Join-Path $TestDrive 'appended.yaml'
        $exported | Select-Object -First 1 | Export-PostSummary -LiteralPath $path
        $exported | Export-PostSummary -LiteralPath $path -Append
        @(Import-PostSummary -LiteralPath $path).Count | Should -Be ($exported.Count + 1)
    }

    It 'reads files piped from Get-ChildItem' {
        @(Get-ChildItem -LiteralPath $TestDrive -Filter 'roundtrip.yaml' | Import-PostSummary).Count | Should -Be $exported.Count
    }

    It 'skips a torn last document with a warning and keeps the others' {
        $bytes = [System.IO.File]::ReadAllBytes($roundTrip)
        $torn = Join-Path $TestDrive 'torn.yaml'
        [System.IO.File]::WriteAllBytes($torn, $bytes[0..($bytes.Length - 40)])
        $read = @(Import-PostSummary -LiteralPath $torn -WarningVariable warned -WarningAction SilentlyContinue)
        $read.Count | Should -Be ($exported.Count - 1)
        "$warned" | Should -Match 'torn\.yaml'
        "$warned" | Should -Match "last document \($($exported.Count)"
    }

    It 'names a document that is not a PostSummary and goes on' {
        $path = Join-Path $TestDrive 'mixed.yaml'
        $exported[0] | Export-PostSummary -LiteralPath $path
        [pscustomobject]@{ Title = 'no source' } | Export-PostSummary -LiteralPath $path -Append
        $exported[0] | Export-PostSummary -LiteralPath $path -Append
        $read = @(Import-PostSummary -LiteralPath $path -ErrorVariable problems -ErrorAction SilentlyContinue)
        $read.Count | Should -Be 2
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'ImportNotAPostSummary,*'
        $problems[0].Exception.Message | Should -Match 'document 2'
    }
}

Describe 'Get-PostSummaryCache and Clear-PostSummaryCache' -Tag 'Offline' {
    BeforeAll {
        $script:suiteState = $env:INTERVIEWTOOLS_STATE_DIR
        $env:INTERVIEWTOOLS_STATE_DIR = Join-Path $TestDrive 'state'
        $script:posts = 1..3 | ForEach-Object {
            $path = Join-Path $TestDrive "cached-$_.txt"
            Set-Content -LiteralPath $path -Value "第 $_ 篇：什么是 GQA？" -Encoding utf8
            Get-Item -LiteralPath $path
        }
        $null = $posts | Invoke-PostSummary
    }

    AfterAll {
        $env:INTERVIEWTOOLS_STATE_DIR = $suiteState
    }

    It 'lists each summary the run cached, in the state directory' {
        $entries = @(Get-PostSummaryCache)
        $entries.Count | Should -Be 3
        $entries[0].PSObject.TypeNames[0] | Should -Be 'InterviewTools.PostSummaryCacheEntry'
        $entries.Source | Sort-Object | Should -Be ($posts.FullName | Sort-Object)
        $entries | ForEach-Object {
            $_.Path | Should -Exist
            $_.Path | Should -BeLike (Join-Path $env:INTERVIEWTOOLS_STATE_DIR 'cache*')
        }
    }

    It 'answers a rerun from the cache' {
        (Invoke-PostSummary -LiteralPath $posts[0].FullName).Status | Should -Be 'Cached'
    }

    It 'shows a table with CachedAt, Source, Provider, Model and Fallback' {
        (Get-PostSummaryCache | Format-Table | Out-String) | Should -Match 'CachedAt\s+Source\s+Provider\s+Model\s+Fallback'
    }

    It 'filters by source with wildcards and reports a literal source that matches nothing' {
        @(Get-PostSummaryCache -Source 'cached-1*').Count | Should -Be 1
        Get-PostSummaryCache -Source 'nothing-here.txt' -ErrorVariable problems -ErrorAction SilentlyContinue
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'PostSummaryCacheEntryNotFound,*'
    }

    It 'changes nothing with -WhatIf' {
        Clear-PostSummaryCache -WhatIf
        @(Get-PostSummaryCache).Count | Should -Be 3
    }

    It 'removes the entries piped to it' {
        Get-PostSummaryCache -Source 'cached-1*' | Clear-PostSummaryCache -Confirm:$false
        @(Get-PostSummaryCache).Source | Should -Not -Contain $posts[0].FullName
        @(Get-PostSummaryCache).Count | Should -Be 2
    }

    It 'clears everything without filters' {
        Clear-PostSummaryCache -Confirm:$false
        Get-PostSummaryCache | Should -BeNullOrEmpty
    }
}

Describe 'Dependency isolation' -Tag 'Offline' {
    It 'imports and exports after YamlDotNet <Other> was loaded first' -Skip:(-not $otherYamlDotNet) -ForEach @(@{ Other = $otherYamlDotNet }) {
        $manifest = Join-Path $root 'out/InterviewTools/InterviewTools.psd1'
        $target = Join-Path $TestDrive 'isolated.yaml'
        $job = Start-Job -ScriptBlock {
            param($other, $manifest, $target)
            Add-Type -LiteralPath $other
            Import-Module $manifest -ErrorAction Stop
            [pscustomobject]@{ Name = '隔离' } | Export-PostSummary -Path $target
            [AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -eq 'YamlDotNet' } | ForEach-Object { $_.GetName().Version.Major }
        } -ArgumentList $Other, $manifest, $target
        $versions = $job | Wait-Job -Timeout 120 | Receive-Job -ErrorAction Stop
        $job | Remove-Job -Force
        @($versions | Sort-Object -Unique).Count | Should -Be 2
        Get-Content -LiteralPath $target -Raw | Should -Match 'Name: 隔离'
    }
}
