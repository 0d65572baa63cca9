#Requires -Version 7.2
<#
    What users do with the module's objects in their own pipelines: Select-Object, Sort-Object, Group-Object,
    Export-Csv/Import-Csv and ConvertTo-Json/ConvertFrom-Json, on every type a cmdlet declares in [OutputType]. The
    objects come from real runs against the fake Gemini server (a daily limit of 2 on two models, a third model it does
    not offer), so statuses, quota states and providers differ from row to row.
#>

BeforeDiscovery {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')
    Import-Module $moduleManifest -Force -ErrorAction Stop
    $outputTypes = @(Get-Command -Module InterviewTools | ForEach-Object { $_.OutputType.Type.FullName } | Sort-Object -Unique |
        ForEach-Object { @{ TypeName = $_ } })
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')
    $savedEnvironment = Save-TestEnvironment

    # Why $Actual, read back through $Via (Csv or Json), is not $Expected; $null when it is. Text comparisons use the
    # current culture, as Export-Csv writes it.
    function Compare-RoundTrip($Expected, $Actual, [string] $Via) {
        if ($null -eq $Expected) {
            if ($Via -eq 'Csv' -and $Actual -eq '') { return $null }
            if ($null -eq $Actual) { return $null }
            return "expected nothing, got '$Actual'"
        }
        $ok = switch ($Expected) {
            { $_ -is [enum] } { $Expected -eq ($Actual -as $Expected.GetType()) ; break }
            { $_ -is [datetimeoffset] -or $_ -is [datetime] } {
                $back = [datetimeoffset]$(if ($Actual -is [string]) { [datetimeoffset]::Parse($Actual, [cultureinfo]::CurrentCulture) } else { $Actual })
                $difference = [Math]::Abs(($back.UtcDateTime - ([datetimeoffset]$Expected).UtcDateTime).TotalSeconds)
                # Export-Csv writes the culture's general format, which has whole seconds; JSON keeps every tick.
                if ($Via -eq 'Csv') { $difference -lt 1 } else { $difference -eq 0 }
                break
            }
            { $_ -is [timespan] } { $Expected -eq $(if ($Via -eq 'Csv') { [timespan]::Parse($Actual) } else { [timespan]::FromTicks($Actual.Ticks) }); break }
            { $_ -is [bool] -or $_ -is [string] -or $_ -is [int] -or $_ -is [long] } { $(if ($Via -eq 'Csv') { "$Expected" -ceq $Actual } else { $Expected -eq $Actual }); break }
            default { throw "No comparison for $($Expected.GetType())" }
        }
        if ($ok) { $null } else { "expected '$Expected', got '$Actual'" }
    }

    $secret = 'AIzaSy-PESTER-OUTPUT-TYPES-44d0'
    $fake = Start-FakeGemini -Root $repositoryRoot -Key @{ $secret = 'project-types' } -Model gemini-3.5-flash, gemini-3.1-flash-lite -Rpd 2
    $env:GOOGLE_GEMINI_BASE_URL = $fake.BaseUrl
    $env:GEMINI_API_KEY = $secret
    $env:GEMINI_API_KEYS = $null
    $env:GOOGLE_API_KEY = $null
    Import-Module $moduleManifest -Force -ErrorAction Stop
}

AfterAll {
    Stop-FakeGemini -Fake $fake
    Remove-Module InterviewTools -ErrorAction SilentlyContinue
    Restore-TestEnvironment -Saved $savedEnvironment
}

Describe 'Output objects in ordinary pipelines' -Tag 'Offline' {
    BeforeAll {
        $null = Use-TestStateDirectory -Config "builtInLimits: false`nmodels: [ gemini-3.5-flash, gemini-3.1-flash-lite, gemini-3.5-flash-lite ]`n"
        $posts = 1..5 | ForEach-Object { "【面经】第 $_ 篇：什么是 GQA？" }
        $summaries = @(Invoke-PostSummary -Text $posts -ThrottleLimit 1 -MaxWaitSec 0 -WarningAction SilentlyContinue) +
            @(Invoke-PostSummary -Text '【面经】离线：什么是 MoE？' -Provider Offline) +
            @(Invoke-PostSummary -Text $posts[0])
        # The objects of each declared output type, and a typed property to sort by and an enum property to group by.
        $samples = @{
            'InterviewTools.PostSummary'           = @{ Items = $summaries; SortBy = 'InputTokens'; GroupBy = 'Status' }
            'InterviewTools.QuotaStatus'           = @{ Items = @(Get-QuotaStatus); SortBy = 'RequestsToday'; GroupBy = 'State' }
            'InterviewTools.PostSummaryCacheEntry' = @{ Items = @(Get-PostSummaryCache); SortBy = 'SizeBytes'; GroupBy = 'Provider' }
        }
    }

    It 'starts from rows that differ: <_>' -ForEach 'PostSummary Status', 'QuotaStatus State', 'PostSummaryCacheEntry Provider' {
        $typeName, $property = $_ -split ' '
        @($samples["InterviewTools.$typeName"].Items | ForEach-Object $property | Sort-Object -Unique).Count | Should -BeGreaterThan 1
    }

    Context '<TypeName>' -ForEach $outputTypes {
        BeforeAll {
            $sample = $samples[$TypeName]
            if (-not $sample) { throw "$TypeName is declared in [OutputType] but has no samples in this file: add them." }
            $items = @($sample.Items)
            $type = $TypeName -as [type]
            $propertyNames = @($type.GetProperties().Name)
        }

        It 'comes from the cmdlets as <TypeName>' {
            $items.Count | Should -BeGreaterThan 2
            $items | ForEach-Object { $_.GetType().FullName | Should -Be $TypeName }
        }

        It 'Select-Object keeps every property and its value, and picks the ones named' {
            foreach ($item in $items) {
                $selected = $item | Select-Object -Property *
                $selected.PSObject.Properties.Name | Should -Be $propertyNames
                foreach ($name in $propertyNames) {
                    ConvertTo-Json -InputObject $selected.$name -Compress | Should -BeExactly (ConvertTo-Json -InputObject $item.$name -Compress)
                }
            }
            $picked = $items | Select-Object -Property $sample.GroupBy, $sample.SortBy -First 2
            $picked.Count | Should -Be 2
            $picked[0].PSObject.Properties.Name | Should -Be @($sample.GroupBy, $sample.SortBy)
            $picked[1].($sample.SortBy) | Should -Be $items[1].($sample.SortBy)
        }

        It 'Sort-Object sorts by the value of a typed property, not its text' {
            $values = @($items | ForEach-Object $sample.SortBy)
            $values[0].GetType().IsValueType | Should -BeTrue -Because "$($sample.SortBy) must sort as a number"
            $ascending = @($items | Sort-Object -Property $sample.SortBy | ForEach-Object $sample.SortBy)
            $ascending | Should -Be ([System.Linq.Enumerable]::ToArray([System.Linq.Enumerable]::Order([long[]]$values)))
            $descending = @($items | Sort-Object -Property $sample.SortBy -Descending | ForEach-Object $sample.SortBy)
            $descending | Should -Be ([System.Linq.Enumerable]::ToArray([System.Linq.Enumerable]::OrderDescending([long[]]$values)))
        }

        It 'Group-Object groups by the names of an enum property' {
            $groups = @($items | Group-Object -Property $sample.GroupBy)
            $enum = $items[0].($sample.GroupBy).GetType()
            $enum.IsEnum | Should -BeTrue
            $groups.Name | ForEach-Object { $_ | Should -BeIn ([enum]::GetNames($enum)) }
            ($groups | Measure-Object -Property Count -Sum).Sum | Should -Be $items.Count
            foreach ($group in $groups) {
                $group.Group | ForEach-Object { "$($_.($sample.GroupBy))" | Should -Be $group.Name }
            }
        }

        It 'Export-Csv writes every property, and Import-Csv gives back each one that is not a list' {
            $csv = Join-Path $TestDrive "$TypeName.csv"
            $items | Export-Csv -LiteralPath $csv
            $rows = @(Import-Csv -LiteralPath $csv)

            $rows.Count | Should -Be $items.Count
            $rows[0].PSObject.Properties.Name | Should -Be $propertyNames
            for ($i = 0; $i -lt $items.Count; $i++) {
                foreach ($name in $propertyNames) {
                    if ($items[$i].$name -is [array]) { continue }   # Export-Csv writes a list as its type name (see the report on issue 10)
                    Compare-RoundTrip $items[$i].$name $rows[$i].$name 'Csv' | Should -BeNullOrEmpty -Because "$name of row $i"
                }
            }
        }

        It 'writes every enum property by name, as the help says: Export-Csv, Export-PostSummary and ConvertTo-Json without -EnumsAsStrings' {
            $enums = @($propertyNames | Where-Object { ([Nullable]::GetUnderlyingType($type.GetProperty($_).PropertyType) ?? $type.GetProperty($_).PropertyType).IsEnum })
            $enums | Should -Not -BeNullOrEmpty
            $csv = @($items | ConvertTo-Csv | ConvertFrom-Csv)
            $yamlPath = Join-Path $TestDrive "$TypeName-enums.yaml"
            $items | Export-PostSummary -LiteralPath $yamlPath
            $yaml = Get-Content -LiteralPath $yamlPath -Raw
            for ($i = 0; $i -lt $items.Count; $i++) {
                $json = $items[$i] | ConvertTo-Json
                foreach ($name in $enums) {
                    $csv[$i].$name | Should -BeExactly "$($items[$i].$name)"
                    $json | Should -Match ('(?m)^  "{0}": "{1}",?$' -f $name, $items[$i].$name) -Because "$name of object $i"
                    $yaml | Should -Match "(?m)^${name}: $($items[$i].$name)$"
                }
            }
        }

        It 'filters, sorts and groups by an enum name, on the objects and on the rows Import-Csv gives back' {
            $csv = Join-Path $TestDrive "$TypeName-filter.csv"
            $items | Export-Csv -LiteralPath $csv
            $rows = @(Import-Csv -LiteralPath $csv)
            $property = $sample.GroupBy
            foreach ($name in @($items | ForEach-Object { "$($_.$property)" } | Sort-Object -Unique)) {
                $expected = @($items | ForEach-Object { "$($_.$property)" } | Where-Object { $_ -eq $name }).Count
                @($items | Where-Object $property -eq $name).Count | Should -Be $expected -Because "Where-Object $property -eq $name"
                @($rows | Where-Object $property -eq $name).Count | Should -Be $expected -Because "Import-Csv, then Where-Object $property -eq $name"
            }
            $sorted = @($items | Sort-Object -Property $property | ForEach-Object $property)
            $sorted | Should -Be ([System.Linq.Enumerable]::ToArray([System.Linq.Enumerable]::Order([long[]]@($items | ForEach-Object $property)))) -Because 'an enum sorts by its value'
        }

        It 'ConvertTo-Json writes every property without cutting it, and ConvertFrom-Json gives each value back' {
            $json = $items | ConvertTo-Json -WarningVariable cut -WarningAction SilentlyContinue
            $cut | Should -BeNullOrEmpty -Because 'the default depth must hold the whole object'
            $back = @($json | ConvertFrom-Json)

            $back.Count | Should -Be $items.Count
            $back[0].PSObject.Properties.Name | Should -Be $propertyNames
            for ($i = 0; $i -lt $items.Count; $i++) {
                foreach ($name in $propertyNames) {
                    $value = $items[$i].$name
                    if ($value -is [array]) {
                        @($back[$i].$name).Count | Should -Be $value.Count -Because "$name of object $i"
                        (@($back[$i].$name) -join "`n") | Should -BeExactly ($value -join "`n") -Because "$name of object $i"
                    }
                    else {
                        Compare-RoundTrip $value $back[$i].$name 'Json' | Should -BeNullOrEmpty -Because "$name of object $i"
                    }
                }
            }
        }
    }
}
