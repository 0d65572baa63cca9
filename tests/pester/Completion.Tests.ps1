#Requires -Version 7.2
<#
    Tab completion as the console (PSReadLine) asks for it, through TabExpansion2, for every parameter of the module
    that has a completer: an [ArgumentCompleter], a [ValidateSet] or an enum type. The list is read from the cmdlets
    themselves, so a parameter that gains a completer is tested without editing this file.
#>

BeforeDiscovery {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')
    Import-Module $moduleManifest -Force -ErrorAction Stop
    $completed = foreach ($command in Get-Command -Module InterviewTools) {
        foreach ($parameter in $command.Parameters.Values) {
            if ($parameter.Name -in [System.Management.Automation.PSCmdlet]::CommonParameters) { continue }
            $type = if ($parameter.ParameterType.IsArray) { $parameter.ParameterType.GetElementType() } else { $parameter.ParameterType }
            $type = [Nullable]::GetUnderlyingType($type) ?? $type
            $validateSet = $parameter.Attributes | Where-Object { $_ -is [System.Management.Automation.ValidateSetAttribute] }
            $completer = $parameter.Attributes | Where-Object { $_ -is [System.Management.Automation.ArgumentCompleterAttribute] }
            $values = if ($validateSet) { @($validateSet.ValidValues) } elseif ($type.IsEnum) { [enum]::GetNames($type) } else { $null }
            if ($values -or $completer) {
                @{ Command = $command.Name; Parameter = $parameter.Name; Values = $values; Kind = if ($completer) { 'completer' } elseif ($validateSet) { 'ValidateSet' } else { "enum $($type.Name)" } }
            }
        }
    }
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')
    $savedEnvironment = Save-TestEnvironment
    Import-Module $moduleManifest -Force -ErrorAction Stop

    # State in which every completer has something to list: a configured chain with a model the built-in one lacks, a
    # labelled key, a ledger, and one cached summary.
    function Use-ListedState {
        $null = Use-TestStateDirectory -Config "builtInLimits: false`nmodels: [gemini-9-configured, gemini-3.5-flash]`nkeys:`n  - project: alpha-team`n    key: AIzaSy-PESTER-COMPLETION-LABELLED-1`n"
        $env:GEMINI_API_KEY = $null
        $env:GEMINI_API_KEYS = $null
        $env:GOOGLE_API_KEY = $null
        $null = Invoke-PostSummary -Text '【面经】补全' -Provider Offline
    }

    # What the console offers after the cursor at the end of $Line.
    function Get-Completion([string] $Line) {
        @((TabExpansion2 -inputScript $Line -cursorColumn $Line.Length).CompletionMatches.CompletionText)
    }
}

AfterAll {
    Remove-Module InterviewTools -ErrorAction SilentlyContinue
    Restore-TestEnvironment -Saved $savedEnvironment
}

Describe 'Tab completion' -Tag 'Offline' {
    It 'finds parameters with completers, -Model among them' -ForEach @(@{ Completed = $completed }) {
        @($Completed | Where-Object { $_.Command -eq 'Invoke-PostSummary' -and $_.Parameter -eq 'Model' }).Count | Should -Be 1
    }

    It 'Invoke-PostSummary -Model offers the model chain, most preferred first, and a typed prefix narrows it' {
        # The chain as Get-QuotaStatus lists it for a key with nothing in the ledger yet: an account of it apart from the completer.
        $null = Use-TestStateDirectory -Config ''
        $env:GEMINI_API_KEY = 'AIzaSy-PESTER-COMPLETION-0c11'
        $env:GEMINI_API_KEYS = $null
        $env:GOOGLE_API_KEY = $null
        $chain = @(Get-QuotaStatus | ForEach-Object Model)
        $chain.Count | Should -BeGreaterThan 1

        Get-Completion 'Invoke-PostSummary -Model ' | Should -Be $chain
        Get-Completion 'Invoke-PostSummary -Text x -Model ' | Should -Be $chain
        $second = $chain[1]
        $prefix = $second.Substring(0, $second.LastIndexOf('-'))
        Get-Completion "Invoke-PostSummary -Model $prefix" | Should -Be @($chain | Where-Object { $_ -like "$prefix*" })
        Get-Completion "Invoke-PostSummary -Model $($chain[0]), " | Should -Be $chain
        Get-Completion 'Measure-PostSummary -Model ' | Should -Be $chain -Because 'Measure-PostSummary plans with the same chain'
    }

    It 'every -Model, -KeyId, -Project and cache -Source has a completer' -ForEach @(@{ Completed = $completed }) {
        $expected = 'Invoke-PostSummary -Model', 'Measure-PostSummary -Model', 'Get-QuotaStatus -Model', 'Reset-QuotaStatus -Model', 'Get-QuotaStatus -KeyId',
            'Reset-QuotaStatus -KeyId', 'Reset-QuotaStatus -Project', 'Get-PostSummaryCache -Source', 'Clear-PostSummaryCache -Source'
        $withCompleter = @($Completed | Where-Object Kind -EQ 'completer' | ForEach-Object { "$($_.Command) -$($_.Parameter)" })
        $expected | ForEach-Object { $withCompleter | Should -Contain $_ }
    }

    It 'offers the configured chain and the ledger, the key fingerprints, the project labels and the cached sources' {
        Use-ListedState
        $row = Get-QuotaStatus | Select-Object -First 1
        Get-Completion 'Invoke-PostSummary -Model ' | Select-Object -First 2 | Should -Be 'gemini-9-configured', 'gemini-3.5-flash'
        Get-Completion 'Reset-QuotaStatus -Model gemini-9' | Should -Be 'gemini-9-configured'
        Get-Completion 'Get-QuotaStatus -KeyId ' | Should -Be $row.KeyId
        Get-Completion 'Reset-QuotaStatus -Project ' | Should -Be 'alpha-team'
        Get-Completion 'Get-PostSummaryCache -Source ' | Should -Be 'text:1'
        Get-Completion 'Clear-PostSummaryCache -Source te' | Should -Be 'text:1'
    }

    It '<Command> -<Parameter> (<Kind>) completes its values' -ForEach $completed {
        Use-ListedState
        $offered = Get-Completion "$Command -$Parameter "
        if ($Values) {
            $offered | Sort-Object | Should -Be ($Values | Sort-Object)
        }
        else {
            $offered | Should -Not -BeNullOrEmpty
        }
    }

    It '<Command> -<Parameter> (<Kind>) narrows to what was typed' -ForEach $completed {
        Use-ListedState
        $all = @(Get-Completion "$Command -$Parameter ")
        $prefix = $all[-1].Substring(0, [Math]::Min(3, $all[-1].Length))
        $narrowed = @(Get-Completion "$Command -$Parameter $prefix")
        $narrowed | Should -Contain $all[-1]
        $narrowed | ForEach-Object { $_ | Should -BeLike "$prefix*" }
        $narrowed.Count | Should -BeLessOrEqual $all.Count
    }
}
