#Requires -Version 7.2
<#
    The main user journeys against the assembled module and the fake Gemini server (tests/InterviewTools.FakeGemini),
    reached through $env:GOOGLE_GEMINI_BASE_URL: Pester cannot mock inside a binary module, so the endpoint is the seam.
    Every test has its own state directory ($env:INTERVIEWTOOLS_STATE_DIR under $TestDrive), so no ledger or config.yaml
    of the user's is read or written and no test inherits another's quota counts.
    The journeys only a real console shows (views, completion, help, progress, Ctrl+C, a user's module) have files of
    their own beside this one; TestSupport.ps1 holds what they share.
    Run with ./build.ps1 -Task Test, or: Invoke-Pester ./tests/pester (after `dotnet build`).
#>

BeforeDiscovery {
    # Any YamlDotNet other than the module's own 18.x, from the NuGet cache that building the tests fills.
    $otherYamlDotNet = Get-ChildItem -Path (Join-Path ([Environment]::GetFolderPath('UserProfile')) '.nuget/packages/yamldotnet/*/lib/net*/YamlDotNet.dll') -ErrorAction SilentlyContinue |
        Where-Object { $_.FullName -notmatch '[\\/]18\.' } | Select-Object -First 1 -ExpandProperty FullName

    # The module's cmdlets.
    $moduleCmdlets = @(
        'Clear-PostSummaryCache'
        'Export-PostSummary'
        'Get-PostSummaryCache'
        'Get-QuotaStatus'
        'Import-PostSummary'
        'Invoke-PostSummary'
        'Measure-PostSummary'
        'Reset-QuotaStatus'
    )

    # A real sample (tests/data/posts) whose 15 numbered questions the offline summarizer must all find (see OfflineSampleTests).
    $finetuningSample = Join-Path $PSScriptRoot '../data/posts/xhs-finetuning-questions.txt'
    $hasFinetuningSample = Test-Path -LiteralPath $finetuningSample
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')
    $script:root = $repositoryRoot

    $script:secret = 'AIzaSy-PESTER-SECRET-5e1d'
    $script:fake = Start-FakeGemini -Root $root -Key @{ $secret = 'project-pester' }
    $script:savedEnvironment = Save-TestEnvironment
    # The suite's starting point, restored after every test: one key, the unlimited fake.
    function script:Reset-TestEnvironment {
        $env:GOOGLE_GEMINI_BASE_URL = $fake.BaseUrl
        $env:GEMINI_API_KEY = $secret
        $env:GEMINI_API_KEYS = $null
        $env:GOOGLE_API_KEY = $null
    }
    Reset-TestEnvironment
    # A state directory of the suite's own for its BeforeAll blocks, so the user's ledger and result cache are neither read nor touched.
    $script:stateDirectory = Join-Path ([IO.Path]::GetTempPath()) ('it-pester-' + [guid]::NewGuid().ToString('N'))
    $env:INTERVIEWTOOLS_STATE_DIR = $stateDirectory

    Import-Module $moduleManifest -Force -ErrorAction Stop
    $script:samples = $samplePosts
    if (-not (Test-Path -LiteralPath $samples)) { $script:samples = Join-Path $root 'samples' }
}


AfterAll {
    Remove-Module InterviewTools -ErrorAction SilentlyContinue
    Restore-TestEnvironment -Saved $savedEnvironment
    if ($fake) { Stop-FakeGemini -Fake $fake }
    if (Test-Path -LiteralPath $stateDirectory) { Remove-Item -LiteralPath $stateDirectory -Recurse -Force }
}

# Pester 5 refuses BeforeEach/AfterEach at file level, so one outer block holds them: $TestDrive exists only inside a
# Describe, and every test gets a fresh state directory there (Describes that share one set it again in their BeforeAll).
Describe 'InterviewTools' {
    BeforeEach {
        $null = Use-TestStateDirectory
    }

    AfterEach {
        Reset-TestEnvironment
    }

    Describe 'The module' -Tag 'Offline' {
        It 'exports exactly its cmdlets' -ForEach @(@{ Expected = $moduleCmdlets }) {
            (Get-Command -Module InterviewTools).Name | Sort-Object | Should -Be ($Expected | Sort-Object)
        }
    }

    Describe 'Get-ChildItem | Invoke-PostSummary | Export-PostSummary' -Tag 'Offline' {
        BeforeAll {
            $null = Use-TestStateDirectory
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
                $_.Provider | Should -Be 'Gemini'
                $_.Attempts | Should -BeGreaterOrEqual 1
                $_.Switches | Should -BeNullOrEmpty
                $_.ContentHash | Should -Match '^sha256:[0-9a-f]{64}$'
            }
            ($results | Format-List * | Out-String) | Should -Not -Match ([regex]::Escape($secret))
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
            # Results come as their answers arrive, in any order.
            $results = Invoke-PostSummary -Text '【字节一面】什么是 GQA？', 'RoPE 怎么外推？ #面经[话题]#' | Sort-Object Source
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
        It 'stops with ApiKeyMissing when -Provider Gemini is asked for and no key is set anywhere' {
            $env:GEMINI_API_KEY = $null
            { Invoke-PostSummary -Text '面经' -Provider Gemini -ErrorAction Stop } | Should -Throw -ErrorId 'ApiKeyMissing,*'
        }

        It 'runs offline with one warning naming where to put a key when no key is set anywhere' {
            $env:GEMINI_API_KEY = $null
            $env:GOOGLE_GEMINI_BASE_URL = 'http://127.0.0.1:9'   # nothing listens there: a request would fail the post

            $results = @(Invoke-PostSummary -Text '【面经】1. 什么是 GQA？' -WarningVariable warned -WarningAction SilentlyContinue -ErrorVariable problems -ErrorAction SilentlyContinue)

            $results.Count | Should -Be 1
            $results[0].Status | Should -Be 'Succeeded'
            $results[0].Provider | Should -Be 'Offline'
            $problems | Should -BeNullOrEmpty
            @($warned).Count | Should -Be 1
            "$warned" | Should -Match 'GEMINI_API_KEY\b'
            "$warned" | Should -Match 'GEMINI_API_KEYS'
            "$warned" | Should -Match 'config\.yaml'
        }

        It 'stops with GeminiNoUsableModel for a retired or unknown model, before any post is sent' {
            $thrown = $null
            try { Invoke-PostSummary -Text '面经' -Model 'gemini-1.5-flash' -WarningVariable warned -WarningAction SilentlyContinue -ErrorAction Stop } catch { $thrown = $_ }
            $thrown.FullyQualifiedErrorId | Should -BeLike 'GeminiNoUsableModel,*'
            $thrown.Exception.Message | Should -Match 'gemini-1\.5-flash'
            "$warned" | Should -Match 'gemini-1\.5-flash is dropped'
        }

        It 'stops with GeminiNoUsableKey for an unknown key, naming the reason but not the key' {
            $thrown = $null
            try { Invoke-PostSummary -Text '面经' -ApiKey 'AIzaSy-UNKNOWN-PESTER' -WarningAction SilentlyContinue -ErrorAction Stop } catch { $thrown = $_ }
            $thrown.FullyQualifiedErrorId | Should -BeLike 'GeminiNoUsableKey,*'
            $thrown.Exception.Message | Should -Match 'API key not valid'   # the console view wraps it wherever the width falls
            $thrown.Exception.Message | Should -Match 'key-[0-9a-f]{8}'
            $thrown.TargetObject | Should -BeNullOrEmpty -Because 'it is about the run, not the post that met it first'
            ($thrown | Out-String) | Should -Not -Match 'AIzaSy-UNKNOWN-PESTER'
        }

        It 'stops with GeminiNoUsableKey for an unknown key also when an earlier run left the model list in the ledger' {
            (Invoke-PostSummary -Text '面经').Status | Should -Be 'Succeeded'   # lists the models with the good key
            $thrown = $null
            $results = try { Invoke-PostSummary -Text '第一篇 面经', '第二篇 面经' -ApiKey 'AIzaSy-UNKNOWN-PESTER' -ThrottleLimit 1 -WarningAction SilentlyContinue -ErrorAction Stop } catch { $thrown = $_ }
            $thrown.FullyQualifiedErrorId | Should -BeLike 'GeminiNoUsableKey,*'
            $results | Should -BeNullOrEmpty
        }

        It 'reports a bad config.yaml entry by line and goes on with the rest' {
            $null = Use-TestStateDirectory -Config "builtInLimits: false`nkeys:`n  - project: broken`n    env: IT_PESTER_UNSET`n"
            $env:IT_PESTER_UNSET = $null

            $results = @(Invoke-PostSummary -Text '面经' -ErrorVariable problems -ErrorAction SilentlyContinue)

            $results.Status | Should -Be 'Succeeded'
            $problems.FullyQualifiedErrorId | Should -BeLike 'ConfigEntryInvalid,*'
            "$problems" | Should -Match 'line 3'
            "$problems" | Should -Match 'IT_PESTER_UNSET'
        }

        It 'accepts a SecureString key' {
            $secure = ConvertTo-SecureString $secret -AsPlainText -Force
            (Invoke-PostSummary -Text '面经' -ApiKey $secure).Status | Should -Be 'Succeeded'
        }
    }

    Describe 'Measure-PostSummary' -Tag 'Offline' {
        It 'plans, without a generate request, exactly what the run on the same ledger then sends, to which models, and defers' {
            # Each model of the chain allows 30 requests today, server and config alike: 60 % of a 100-post batch.
            $flash = 'gemini-3.5-flash'
            $lite = 'gemini-3.1-flash-lite'
            $limited = Start-FakeGemini -Root $root -Rpd 30 -Model $flash, $lite -Key @{ $secret = 'project-plan' }
            try {
                $env:GOOGLE_GEMINI_BASE_URL = $limited.BaseUrl
                $null = Use-TestStateDirectory -Config "builtInLimits: false`nlimits:`n  ${flash}: { rpm: 1000, rpd: 30 }`n  ${lite}: { rpm: 1000, rpd: 30 }`n"
                $posts = 1..100 | ForEach-Object { "第 $_ 篇面经：问了 GQA、RoPE 和第 $_ 道手写题。" }

                $plan = Measure-PostSummary -Text $posts -Model $flash, $lite
                $generatesAfterPlan = @(Get-FakeGeminiRequest -Fake $limited -Route Generate).Count
                $results = @(Invoke-PostSummary -Text $posts -Model $flash, $lite -WarningAction SilentlyContinue)

                $generatesAfterPlan | Should -Be 0 -Because 'Measure-PostSummary sends no generate request'
                $plan | Should -BeOfType ([InterviewTools.SummaryPlan])
                $plan.ToSend | Should -Be 100
                @($results | Where-Object { -not $_.FromCache }).Count | Should -Be $plan.ToSend
                foreach ($row in $plan.Models) {
                    @($results | Where-Object { $_.Status -eq 'Succeeded' -and $_.Model -eq $row.Model }).Count | Should -Be $row.Posts -Because "the plan expects $($row.Posts) post(s) on $($row.Model)"
                }
                ($plan.Models | Measure-Object Posts -Sum).Sum | Should -Be 60
                $plan.Deferred | Should -Be 40
                @($results | Where-Object Status -EQ 'Deferred').Count | Should -Be $plan.Deferred
                $plan.FitsToday | Should -BeFalse
                @(Get-FakeGeminiRequest -Fake $limited -Route Generate | Where-Object Status -EQ 429).Count | Should -Be 0
            }
            finally {
                Stop-FakeGemini -Fake $limited
            }
        }

        It 'takes files by property name and writes an unreadable file''s error while planning the rest' {
            $folder = New-Item -ItemType Directory -Path (Join-Path $TestDrive 'plan-posts')
            Set-Content -LiteralPath (Join-Path $folder 'a.txt') -Value '面经：问了 GQA。'
            $null = New-Item -ItemType File -Path (Join-Path $folder 'empty.txt')

            $plan = Get-ChildItem -LiteralPath $folder | Measure-PostSummary -ErrorVariable problems -ErrorAction SilentlyContinue

            ($plan.Posts, $plan.Unreadable, $plan.ToSend) | Should -Be @(2, 1, 1)
            @($problems).Count | Should -Be 1
            $problems[0].TargetObject | Should -Match 'empty\.txt$'
        }
    }

    Describe 'Rotation' -Tag 'Offline' {
        BeforeAll {
            $script:second = 'AIzaSy-PESTER-SECOND-9c07'
            $script:sameProject = 'AIzaSy-PESTER-SAME-PROJECT-31ab'
            $script:preferred = 'gemini-3.5-flash'
            $script:next = 'gemini-3.1-flash-lite'
            # A fresh server per test: its daily counts would otherwise carry over from one test to the next.
            function script:Start-LimitedFake([int] $Rpd) {
                $script:limited = Start-FakeGemini -Root $root -Rpd $Rpd -Model $preferred, $next `
                    -Key @{ $secret = 'project-pester'; $second = 'project-second'; $sameProject = 'project-pester' }
                $env:GOOGLE_GEMINI_BASE_URL = $limited.BaseUrl
            }
        }

        AfterEach {
            if ($limited) { Stop-FakeGemini -Fake $limited }
            $script:limited = $null
        }

        It 'moves posts to the next model once the first model has used its daily quota, and says so with -Verbose' {
            Start-LimitedFake -Rpd 2

            $stream = Invoke-PostSummary -Text (1..3 | ForEach-Object { "第 $_ 篇：什么是 GQA？" }) -Model $preferred, $next -ThrottleLimit 1 -Verbose 4>&1
            $results = @($stream | Where-Object { $_ -is [InterviewTools.PostSummary] })
            $verbose = @($stream | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | ForEach-Object Message)

            $results.Status | Should -Be @('Succeeded', 'Succeeded', 'Succeeded')
            $results.Model | Should -Be @($preferred, $preferred, $next)
            $results[2].Attempts | Should -Be 2
            @($results[2].Switches).Count | Should -Be 1
            $results[2].Switches[0] | Should -Match "^$([regex]::Escape($preferred)) via key-[0-9a-f]{8} \(.+\) -> $([regex]::Escape($next)) via key-[0-9a-f]{8} \(.+\): ExhaustedToday: 429"
            $verbose | Where-Object { $_ -match "^text:3: switched $([regex]::Escape($preferred)) via key-[0-9a-f]{8}" } | Should -HaveCount 1
            ($verbose -join "`n") | Should -Not -Match ([regex]::Escape($secret))
        }

        It 'does not call the exhausted model again that day, shows it as ExhaustedToday until midnight PT, and Reset-QuotaStatus -Model clears it' {
            Start-LimitedFake -Rpd 2
            $null = Invoke-PostSummary -Text 'a 面经', 'b 面经', 'c 面经' -Model $preferred, $next -ThrottleLimit 1   # c meets the 429

            $again = Invoke-PostSummary -Text 'd 面经' -Model $preferred, $next
            $again.Status | Should -Be 'Succeeded'
            $again.Model | Should -Be $next
            $again.Attempts | Should -Be 1
            $again.Switches | Should -BeNullOrEmpty

            $row = @(Get-QuotaStatus -Model $preferred)
            $row.Count | Should -Be 1
            $row[0].State | Should -Be 'ExhaustedToday'
            $row[0].RemainingToday | Should -Be 0
            $row[0].RequestsPerDayLimit | Should -Be 2   # learned from the 429's quotaValue
            $row[0].ResetsAt | Should -Be (Get-NextPacificMidnight).LocalDateTime
            $row[0].LastError | Should -Match 'limit: 2'
            (Get-QuotaStatus -State ExhaustedToday).Model | Should -Contain $preferred

            Reset-QuotaStatus -Model $preferred -WhatIf
            (Get-QuotaStatus -Model $preferred).State | Should -Be 'ExhaustedToday'
            Reset-QuotaStatus -Model $preferred
            (Get-QuotaStatus -Model $preferred).State | Should -Be 'Available'
        }

        It 'defers every post it cannot place with -MaxWaitSec 0, with RetryAt and one warning for the run' {
            Start-LimitedFake -Rpd 1

            $results = @(Invoke-PostSummary -Text 'a 面经', 'b 面经', 'c 面经' -Model $preferred -ThrottleLimit 1 -MaxWaitSec 0 `
                -WarningVariable warned -WarningAction SilentlyContinue -ErrorVariable problems -ErrorAction SilentlyContinue)

            $results.Status | Should -Be @('Succeeded', 'Deferred', 'Deferred')
            $midnight = Get-NextPacificMidnight
            $results | Where-Object Status -eq 'Deferred' | ForEach-Object {
                $_.RetryAt | Should -Be $midnight
                $_.Error | Should -Match '^Deferred: '
                $_.Summary | Should -BeNullOrEmpty
            }
            $results[2].Attempts | Should -Be 0   # the ledger knew; nothing was sent
            $problems | Should -BeNullOrEmpty
            @($warned).Count | Should -Be 1
            "$warned" | Should -Match 'exhausted for today'
            "$warned" | Should -Match '00:00 PT'
            "$warned" | Should -Match '2 post\(s\) deferred'
        }

        It 'spreads posts over two projects labelled in $env:GEMINI_API_KEYS and shows both in Get-QuotaStatus' {
            Start-LimitedFake -Rpd 1
            $env:GEMINI_API_KEY = $null
            $env:GEMINI_API_KEYS = "alpha=$secret,beta=$second"

            $results = @(Invoke-PostSummary -Text 'a 面经', 'b 面经', 'c 面经' -Model $preferred -ThrottleLimit 1 -MaxWaitSec 0 -WarningAction SilentlyContinue)

            $results.Status | Should -Be @('Succeeded', 'Succeeded', 'Deferred')
            @($results[0..1].KeyId | Sort-Object -Unique).Count | Should -Be 2
            $rows = @(Get-QuotaStatus -Model $preferred)
            $rows.Project | Sort-Object | Should -Be @('alpha', 'beta')
            $rows.State | Should -Be @('ExhaustedToday', 'ExhaustedToday')
            ($results + $rows | Format-List * | Out-String) | Should -Not -Match 'AIzaSy-PESTER'
        }

        It 'lets keys with one project label share that project''s quota instead of trying the second key' {
            Start-LimitedFake -Rpd 1
            $env:GEMINI_API_KEY = $null
            $env:GEMINI_API_KEYS = "alpha=$secret;alpha=$sameProject"

            $results = @(Invoke-PostSummary -Text 'a 面经', 'b 面经' -Model $preferred -ThrottleLimit 1 -MaxWaitSec 0 -WarningAction SilentlyContinue)

            $results.Status | Should -Be @('Succeeded', 'Deferred')
            $results[1].Attempts | Should -Be 1
            $results[1].KeyId | Should -Be $results[0].KeyId
            @(Get-QuotaStatus -Model $preferred).Project | Should -Be @('alpha', 'alpha')
        }

        It 'paces by the limits in config.yaml without sending the request the server would refuse' {
            $null = Use-TestStateDirectory -Config "builtInLimits: false`nlimits:`n  gemini-3.5-flash: { rpd: 1 }`n"

            $results = @(Invoke-PostSummary -Text 'a 面经', 'b 面经' -Model $preferred -ThrottleLimit 1 -MaxWaitSec 0 -WarningAction SilentlyContinue)

            $results.Status | Should -Be @('Succeeded', 'Deferred')
            $results[1].Attempts | Should -Be 0
            $row = Get-QuotaStatus -Model $preferred
            ($row.State, $row.RequestsToday, $row.RequestsPerDayLimit) | Should -Be @('ExhaustedToday', 1, 1)
            $row.LastError | Should -BeNullOrEmpty
        }
    }

    Describe 'Offline provider' -Tag 'Offline' {
        BeforeAll {
            $script:post = Join-Path $TestDrive 'bytedance.txt'
            [System.IO.File]::WriteAllText($post, "【字节大模型一面】面经`n1. 什么是 GQA？`n2. RoPE 怎么外推？`n建议先把 DeepSeekV3 的技术报告读一遍。`n#大模型面试[话题]# #面经[话题]#`n")
        }

        BeforeEach {
            $env:GOOGLE_GEMINI_BASE_URL = 'http://127.0.0.1:9'   # nothing listens there: any request would fail the post
        }

        It '-Provider Offline summarizes every sample without the network, even with a key set' {
            $files = Get-ChildItem -LiteralPath $samples -File
            $results = @($files | Invoke-PostSummary -Provider Offline -ErrorVariable problems -ErrorAction SilentlyContinue -WarningVariable warned -WarningAction SilentlyContinue)

            $problems | Should -BeNullOrEmpty
            $warned | Should -BeNullOrEmpty
            $results.Count | Should -Be $files.Count
            $results | ForEach-Object {
                $_.Status | Should -Be 'Succeeded'
                $_.Provider | Should -Be 'Offline'
                $_.Model | Should -Be 'offline-extractive'
                $_.KeyId | Should -BeNullOrEmpty
                $_.Attempts | Should -Be 0
                $_.Fallback | Should -BeFalse
                $_.Summary | Should -Not -BeNullOrEmpty
            }
        }

        It 'extracts the title, the numbered questions, topics, terms and advice in the post''s wording' {
            $result = Invoke-PostSummary -LiteralPath $post -Provider Offline

            $result.Title | Should -Be '【字节大模型一面】面经'
            $result.Questions | Should -Be @('什么是 GQA？', 'RoPE 怎么外推？')
            $result.Topics | Should -Be @('大模型面试', '面经')
            $result.Terms | Should -Contain 'GQA'
            $result.Terms | Should -Contain 'DeepSeekV3'
            $result.Advice | Should -Contain '建议先把 DeepSeekV3 的技术报告读一遍。'
        }

        It 'finds all 15 numbered questions of the shared fine-tuning sample' -Skip:(-not $hasFinetuningSample) -ForEach @(@{ Sample = $finetuningSample }) {
            $result = Invoke-PostSummary -LiteralPath $Sample -Provider Offline
            $result.Questions | Should -HaveCount 15
            $result.Questions[0] | Should -Be '什么是模型微调(Fine-tuning)?它的核心目的是什么?'
        }

        It 'gives the same notes for the same post every time' {
            $first = Invoke-PostSummary -LiteralPath $post -Provider Offline
            $second = Invoke-PostSummary -LiteralPath $post -Provider Offline
            ($second | Select-Object Title, Summary, Questions, Topics, Terms, Advice, Tips, Experiences | ConvertTo-Json) |
                Should -BeExactly ($first | Select-Object Title, Summary, Questions, Topics, Terms, Advice, Tips, Experiences | ConvertTo-Json)
        }

        It 'is the default without any key: one warning, and the YAML comes out' {
            $env:GEMINI_API_KEY = $null
            $yaml = Join-Path $TestDrive 'offline.yaml'

            Get-ChildItem -LiteralPath $samples -File | Invoke-PostSummary -WarningVariable warned -WarningAction SilentlyContinue | Export-PostSummary -Path $yaml

            @($warned).Count | Should -Be 1
            $text = Get-Content -LiteralPath $yaml -Raw -Encoding utf8
            ([regex]::Matches($text, '(?m)^---$')).Count | Should -Be @(Get-ChildItem -LiteralPath $samples -File).Count
            $text | Should -Match '(?m)^Provider: Offline$'
            $text | Should -Match '(?m)^Model: offline-extractive$'
            $text | Should -Not -Match '(?m)^Provider: Gemini$'
            @(Import-PostSummary -LiteralPath $yaml).Provider | Sort-Object -Unique | Should -Be 'Offline'
        }

        It '-Fallback Offline gives the posts the quota would defer an offline summary marked as a fallback' {
            $null = Use-TestStateDirectory -Config "builtInLimits: false`nlimits:`n  gemini-3.5-flash: { rpd: 1 }`n"
            $env:GOOGLE_GEMINI_BASE_URL = $fake.BaseUrl

            $results = @(Invoke-PostSummary -Text '第一篇：什么是 GQA？', '第二篇：什么是 MoE？' -Model gemini-3.5-flash -ThrottleLimit 1 -MaxWaitSec 0 -Fallback Offline -WarningAction SilentlyContinue)

            $results.Status | Should -Be @('Succeeded', 'Succeeded')
            $results.Provider | Should -Be @('Gemini', 'Offline')
            $results.Fallback | Should -Be @($false, $true)
            $results[1].RetryAt | Should -Be (Get-NextPacificMidnight)
            $results[1].Model | Should -Be 'offline-extractive'
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
            $null = Use-TestStateDirectory
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
            $script:cacheState = Use-TestStateDirectory
            $script:posts = 1..3 | ForEach-Object {
                $path = Join-Path $TestDrive "cached-$_.txt"
                Set-Content -LiteralPath $path -Value "第 $_ 篇：什么是 GQA？" -Encoding utf8
                Get-Item -LiteralPath $path
            }
            $null = $posts | Invoke-PostSummary
        }

        # These tests share the cache the BeforeAll filled, so they undo the root BeforeEach's fresh state directory.
        BeforeEach {
            $env:INTERVIEWTOOLS_STATE_DIR = $cacheState
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
            $rerun = Invoke-PostSummary -LiteralPath $posts[0].FullName
            $rerun.Status | Should -Be 'Succeeded'
            $rerun.FromCache | Should -BeTrue
            @(Invoke-PostSummary -LiteralPath $posts[0].FullName | Where-Object Status -EQ Succeeded).Count | Should -Be 1
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
}
