@{
    RootModule             = 'InterviewTools.dll'
    ModuleVersion          = '{{ModuleVersion}}'
    GUID                   = '6f1f7c3e-9b1a-4c55-8a0e-2d7c5b7e4a10'
    Author                 = 'InterviewTools'
    CompanyName            = 'InterviewTools'
    Copyright              = '(c) InterviewTools. MIT License.'
    Description            = 'Turns social-media posts about LLM job interviews into structured notes with the Gemini API, from ordinary pipelines, and exports them as YAML.'
    PowerShellVersion      = '5.1'
    CompatiblePSEditions   = @('Desktop', 'Core')
    DotNetFrameworkVersion = '4.7.2'
    FormatsToProcess       = @('InterviewTools.format.ps1xml')
    CmdletsToExport        = @(
        'Invoke-PostSummary'
        'Measure-PostSummary'
        'Export-PostSummary'
        'Import-PostSummary'
        'Get-QuotaStatus'
        'Reset-QuotaStatus'
        'Get-PostSummaryCache'
        'Clear-PostSummaryCache'
    )
    FunctionsToExport      = @()
    VariablesToExport      = @()
    AliasesToExport        = @()
    PrivateData            = @{
        PSData = @{
            Tags         = @('Gemini', 'LLM', 'Interview', 'Summary', 'YAML', 'Xiaohongshu', 'PSEdition_Core', 'PSEdition_Desktop', 'Windows', 'Linux', 'MacOS')
            ReleaseNotes = 'Summarizes LLM-interview posts with Gemini over a pool of keys and a model chain: rotation by project and model, pacing by a quota ledger shared across sessions, and waiting or deferring instead of failing on 429; or offline with a built-in extractive summarizer. Finished summaries are kept in a result cache, so a rerun resumes. Exports and imports YAML; Get-QuotaStatus, Reset-QuotaStatus, Get-PostSummaryCache and Clear-PostSummaryCache manage the ledger and the cache. Help in en-US and zh-CN.'
        }
    }
}
