#Requires -Version 7.2
<#
    The messages users meet most, in a real pwsh started in another language: Chinese under zh-CN, English under a
    culture the module does not ship (fr-FR). The no-key warning comes from the engine, which runs in the module's
    private load context on PowerShell 7, so its translation must be found there; the PostNotFound errors come from the
    engine (a missing -LiteralPath) and the cmdlets (a -Path that does not exist). Error ids stay English.
#>

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')
    $savedEnvironment = Save-TestEnvironment
    $env:GEMINI_API_KEY = $null
    $env:GEMINI_API_KEYS = $null
    $env:GOOGLE_API_KEY = $null
    $env:GOOGLE_GEMINI_BASE_URL = $null

    $script = @'
"culture=$PSUICulture"
Invoke-PostSummary -LiteralPath ./missing-post.txt -WarningVariable warnings -WarningAction SilentlyContinue -ErrorVariable errors -ErrorAction SilentlyContinue
Invoke-PostSummary -Path ./nowhere/missing-post.txt -WarningAction SilentlyContinue -ErrorVariable +errors -ErrorAction SilentlyContinue
$warnings | ForEach-Object { "warning=$_" }
$errors | ForEach-Object { "error=$($_.FullyQualifiedErrorId)|$($_.ErrorDetails.Message)|$($_.ErrorDetails.RecommendedAction)" }
[AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -eq 'InterviewTools.Engine.resources' } |
    ForEach-Object { "satellite=$([System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext($_).Name)|$($_.Location)" }
'@

    function Invoke-InCulture([string] $Culture) {
        $null = Use-TestStateDirectory
        $locale = $Culture.Replace('-', '_') + '.UTF-8'
        Push-Location $TestDrive
        try { Invoke-ChildPwsh -Environment @{ LANG = $locale; LC_ALL = $locale } -Script $script }
        finally { Pop-Location }
    }
}

AfterAll {
    Restore-TestEnvironment -Saved $savedEnvironment
}

Describe 'Localised warnings and errors' -Tag 'Offline' {
    BeforeAll {
        $children = @{ 'zh-CN' = Invoke-InCulture 'zh-CN'; 'fr-FR' = Invoke-InCulture 'fr-FR' }
    }

    It 'writes the no-key warning and both PostNotFound errors in <Language> under <Culture>, with the ids in English' -ForEach @(
        @{
            Culture = 'zh-CN'; Language = 'Chinese'; Other = 'No Gemini API key|Cannot find'
            Warning = '没有配置 Gemini API 密钥，因此帖子由内置的抽取式摘要器离线总结'
            FileMissing = "找不到帖子文件 '[^']*missing-post\.txt'。\|请检查路径。$"
            PathMissing = "找不到 '\./nowhere/missing-post\.txt'：.*\|请检查路径；相对路径以 PowerShell 的当前位置为准。$"
        }
        @{
            Culture = 'fr-FR'; Language = 'English, the fallback'; Other = '\p{IsCJKUnifiedIdeographs}'
            Warning = 'No Gemini API key is configured, so posts are summarized offline'
            FileMissing = "Cannot find the post file '[^']*missing-post\.txt'\.\|Check the path\.$"
            PathMissing = "Cannot find '\./nowhere/missing-post\.txt': .*\|Check the path; relative paths follow the current PowerShell location\.$"
        }
    ) {
        $child = $children[$Culture]

        $child.ExitCode | Should -Be 0 -Because $child.Error
        $child.Output | Should -Match "(?m)^culture=$Culture$"
        $child.Output | Should -Match "(?m)^warning=$Warning"
        $child.Output | Should -Match "(?m)^error=PostNotFound,InterviewTools\.Commands\.InvokePostSummaryCommand\|$FileMissing"
        $child.Output | Should -Match "(?m)^error=PostNotFound,InterviewTools\.Commands\.InvokePostSummaryCommand\|$PathMissing"
        $child.Output | Should -Not -Match $Other
    }

    It 'takes the engine''s Chinese from its satellite in Dependencies/zh-CN, loaded in the module''s private context' {
        $satellite = [regex]::Match($children['zh-CN'].Output, '(?m)^satellite=(?<context>[^|]*)\|(?<path>.*)$')

        $satellite.Success | Should -BeTrue -Because 'the engine''s zh-CN messages come from its satellite assembly'
        $satellite.Groups['context'].Value | Should -Be 'InterviewTools'
        $satellite.Groups['path'].Value | Should -Be (Join-Path $repositoryRoot 'out/InterviewTools/Dependencies/zh-CN/InterviewTools.Engine.resources.dll')
    }
}
