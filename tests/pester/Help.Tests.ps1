#Requires -Version 7.2
<#
    Get-Help as a user reads it in the real pwsh: -Full and -Examples for every cmdlet the module exports, and
    about_InterviewTools in en-US and, in a session whose culture is zh-CN, in Chinese. The hosted xunit tests check
    that the compiled help names each parameter; these read what Get-Help renders and run the examples through the parser.
#>

BeforeDiscovery {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')
    Import-Module $moduleManifest -Force -ErrorAction Stop
    $cmdlets = @(Get-Command -Module InterviewTools | Sort-Object Name | ForEach-Object Name)
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')
    Import-Module $moduleManifest -Force -ErrorAction Stop

    $commonParameters = [System.Management.Automation.PSCmdlet]::CommonParameters + [System.Management.Automation.PSCmdlet]::OptionalCommonParameters |
        Where-Object { $_ -notin 'WhatIf', 'Confirm' }

    # True when $Text is a whole command line, false while a here-string, block or pipeline is still open.
    function Test-CompleteInput([string] $Text) {
        $errors = $null
        $null = [System.Management.Automation.Language.Parser]::ParseInput($Text, [ref]$null, [ref]$errors)
        -not ($errors | Where-Object IncompleteInput)
    }

    # The commands of an example's code: the whole code, or when it shows a session (PS> prompts, then output), each
    # prompt's input up to where it is complete.
    function Get-ExampleCommand([string] $Code) {
        if ($Code -notmatch '(?m)^PS> ') { return $Code }
        $commands = [System.Collections.Generic.List[string]]::new()
        $current = $null
        foreach ($line in $Code -split "`r?`n") {
            if ($line.StartsWith('PS> ')) {
                if ($null -ne $current) { $commands.Add($current) }
                $current = $line.Substring(4)
            }
            elseif ($null -ne $current) {
                $current += "`n" + $line
            }
            else {
                continue
            }
            if (Test-CompleteInput $current) {
                $commands.Add($current)
                $current = $null
            }
        }
        if ($null -ne $current) { $commands.Add($current) }
        $commands
    }
}

AfterAll {
    Remove-Module InterviewTools -ErrorAction SilentlyContinue
}

Describe 'Get-Help' -Tag 'Offline' {
    It 'Get-Help <_> -Full: a synopsis, a description, every parameter described, the syntax and the outputs' -ForEach $cmdlets {
        $command = Get-Command -Name $_
        $help = Get-Help -Name $_ -Full
        $text = Get-Help -Name $_ -Full | Out-String -Width 120

        $help.Synopsis.Trim() | Should -Not -BeNullOrEmpty
        $help.Synopsis | Should -Not -BeLike "$_ *" -Because 'a synopsis that starts with the name is the one PowerShell makes up without help'
        ($help.Description.Text -join '').Trim() | Should -Not -BeNullOrEmpty
        foreach ($section in 'SYNOPSIS', 'SYNTAX', 'DESCRIPTION', 'PARAMETERS', 'INPUTS', 'OUTPUTS') {
            $text | Should -Match "(?m)^$section\s*$"
        }
        @($help.Syntax.SyntaxItem).Count | Should -Be $command.ParameterSets.Count
        foreach ($parameter in $command.Parameters.Values | Where-Object Name -NotIn $commonParameters) {
            $entry = @($help.Parameters.Parameter) | Where-Object Name -EQ $parameter.Name
            $entry | Should -Not -BeNullOrEmpty -Because "-$($parameter.Name) must be documented"
            ($entry.Description.Text -join '').Trim().Length | Should -BeGreaterThan 10 -Because "-$($parameter.Name) needs a description"
            $text | Should -Match "(?m)^\s+-$($parameter.Name)\b"
        }
        foreach ($type in $command.OutputType.Name) {
            @($help.ReturnValues.ReturnValue.Type.Name) | Should -Contain $type
        }
    }

    It 'Get-Help <_> -Examples: examples that use it, whose commands parse and use only parameters it has' -ForEach $cmdlets {
        $name = $_
        $examples = @((Get-Help -Name $name -Examples).Examples.Example)
        $text = Get-Help -Name $name -Examples | Out-String -Width 120

        $examples.Count | Should -BeGreaterOrEqual 1
        $text | Should -Match 'Example 1'
        ($examples.Code -join "`n") | Should -Match ([regex]::Escape($name))
        foreach ($example in $examples) {
            ($example.Remarks.Text -join '').Trim() | Should -Not -BeNullOrEmpty -Because "$($example.Title) must say what it does"
            foreach ($script in Get-ExampleCommand $example.Code) {
                $errors = $null
                $ast = [System.Management.Automation.Language.Parser]::ParseInput($script, [ref]$null, [ref]$errors)
                $errors | Should -BeNullOrEmpty -Because "'$script' in $($example.Title) must parse"
                $calls = $ast.FindAll({ param($node) $node -is [System.Management.Automation.Language.CommandAst] }, $true) |
                    Where-Object { (Get-Command -Name $_.GetCommandName() -ErrorAction SilentlyContinue).ModuleName -eq 'InterviewTools' }
                foreach ($call in $calls) {
                    $parameters = (Get-Command -Name $call.GetCommandName()).Parameters.Values
                    foreach ($used in $call.CommandElements | Where-Object { $_ -is [System.Management.Automation.Language.CommandParameterAst] }) {
                        $known = @($parameters | Where-Object { $_.Name -like "$($used.ParameterName)*" -or $_.Aliases -contains $used.ParameterName })
                        $known | Should -Not -BeNullOrEmpty -Because "-$($used.ParameterName) in '$script' ($($example.Title)) must be a parameter of $($call.GetCommandName())"
                    }
                }
            }
        }
    }

    It 'about_InterviewTools in en-US names every cmdlet' {
        $culture = [cultureinfo]::CurrentUICulture
        try {
            [cultureinfo]::CurrentUICulture = 'en-US'
            $text = Get-Help -Name about_InterviewTools | Out-String
        }
        finally {
            [cultureinfo]::CurrentUICulture = $culture
        }

        $text | Should -Match '(?m)^\s*about_InterviewTools\s*$'
        $text | Should -Match 'SHORT DESCRIPTION'
        foreach ($name in $cmdlets) { $text | Should -Match ([regex]::Escape($name)) }
        $firstLine = (Get-Content -LiteralPath (Join-Path $repositoryRoot 'module/en-US/about_InterviewTools.help.txt') -Encoding utf8 |
            Where-Object { $_ -match '\w' -and $_ -notmatch '^\s*(TOPIC|about_|SHORT DESCRIPTION)' } | Select-Object -First 1).Trim()
        $text | Should -Match ([regex]::Escape($firstLine))
    } -ForEach @(@{ cmdlets = $cmdlets })

    It 'shows about_InterviewTools in Chinese, and help for every cmdlet, in a pwsh session whose culture is zh-CN' {
        $chineseFile = Join-Path $repositoryRoot 'module/zh-CN/about_InterviewTools.help.txt'
        $chineseLines = @(Get-Content -LiteralPath $chineseFile -Encoding utf8 | Where-Object { $_ -match '\p{IsCJKUnifiedIdeographs}' } | ForEach-Object Trim)
        $englishLine = (Get-Content -LiteralPath (Join-Path $repositoryRoot 'module/en-US/about_InterviewTools.help.txt') -Encoding utf8 |
            Where-Object { $_ -match '\w' -and $_ -notmatch '^\s*(TOPIC|about_|SHORT DESCRIPTION)' } | Select-Object -First 1).Trim()

        $child = Invoke-ChildPwsh -Environment @{ LANG = 'zh_CN.UTF-8'; LC_ALL = 'zh_CN.UTF-8' } -Script @'
"culture=$PSUICulture"
Get-Help -Name about_InterviewTools | Out-String -Width 120
Get-Command -Module InterviewTools | ForEach-Object { "synopsis $($_.Name)=$((Get-Help -Name $_.Name).Synopsis)" }
'@

        $child.ExitCode | Should -Be 0 -Because $child.Error
        $child.Output | Should -Match '(?m)^culture=zh-CN$'
        $child.Output | Should -Match ([regex]::Escape($chineseLines[0]))
        $child.Output | Should -Match ([regex]::Escape($chineseLines[-1]))
        $child.Output | Should -Not -Match ([regex]::Escape($englishLine))
        $synopses = [regex]::Matches($child.Output, '(?m)^synopsis (?<name>[\w-]+)=(?<text>.*)$')
        $synopses.Count | Should -Be $cmdlets.Count
        foreach ($synopsis in $synopses) {
            $synopsis.Groups['text'].Value | Should -Not -BeLike "$($synopsis.Groups['name'].Value) *" -Because 'help must not fall back to the made-up syntax'
        }
    } -ForEach @(@{ cmdlets = $cmdlets })
}
