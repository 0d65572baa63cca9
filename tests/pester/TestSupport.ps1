# Shared by every tests/pester/*.Tests.ps1: dot-source it in the file's BeforeAll. It knows the repository layout, keeps
# each file's tests away from the user's environment and state, and starts the real pwsh for journeys that need a
# process of their own (progress in the real host, Ctrl+C, another culture).

. (Join-Path $PSScriptRoot 'FakeGemini.ps1')

$repositoryRoot = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
$moduleManifest = Join-Path $repositoryRoot 'out/InterviewTools/InterviewTools.psd1'
$samplePosts = Join-Path $repositoryRoot 'tests/data/posts'

# The environment a test file changes; Save-/Restore-TestEnvironment put it back in its AfterAll.
$testEnvironmentNames = 'GOOGLE_GEMINI_BASE_URL', 'GEMINI_API_KEY', 'GEMINI_API_KEYS', 'GOOGLE_API_KEY', 'INTERVIEWTOOLS_STATE_DIR'

function Save-TestEnvironment {
    $saved = @{}
    foreach ($name in $testEnvironmentNames) { $saved[$name] = [Environment]::GetEnvironmentVariable($name) }
    $saved
}

function Restore-TestEnvironment {
    param([Parameter(Mandatory)] [hashtable] $Saved)
    foreach ($name in $Saved.Keys) { [Environment]::SetEnvironmentVariable($name, $Saved[$name]) }
}

# Points $env:INTERVIEWTOOLS_STATE_DIR at a new folder under $TestDrive, so each test has its own ledger and config.yaml
# and never touches the user's. By default config.yaml turns off the built-in free-tier limits, which would otherwise
# pace the fake's unlimited quota (5 requests a minute on gemini-3.5-flash).
function Use-TestStateDirectory {
    param([AllowEmptyString()] [string] $Config = "builtInLimits: false`n")
    $directory = Join-Path $TestDrive ('state-' + [guid]::NewGuid().ToString('N').Substring(0, 8))
    $null = New-Item -ItemType Directory -Path $directory
    if ($Config) { [System.IO.File]::WriteAllText((Join-Path $directory 'config.yaml'), $Config) }
    $env:INTERVIEWTOOLS_STATE_DIR = $directory
    $directory
}

# The next 00:00 in America/Los_Angeles, when Gemini's daily quotas return; computed here, apart from the module's own code.
function Get-NextPacificMidnight {
    $zone = [System.TimeZoneInfo]::FindSystemTimeZoneById('America/Los_Angeles')
    $midnight = [System.TimeZoneInfo]::ConvertTime([System.DateTimeOffset]::UtcNow, $zone).Date.AddDays(1)
    [System.DateTimeOffset]::new($midnight, $zone.GetUtcOffset($midnight))
}

# The command line of the real PowerShell this suite runs in. The dotnet tool's `pwsh` is a launcher that starts
# `dotnet <PSHOME>/pwsh.dll` as a child, so a signal meant for pwsh must go to a process started this way.
function Get-RealPwshCommand {
    $processPath = [Environment]::ProcessPath
    if ([System.IO.Path]::GetFileNameWithoutExtension($processPath) -eq 'dotnet') {
        return @($processPath, (Join-Path $PSHOME 'pwsh.dll'))
    }
    @($processPath)
}

# Starts the real pwsh with the assembled module imported and runs $Script in it. The child inherits this process's
# environment (the fake's URL, the key, the state directory) plus $Environment. With -XmlOutput its streams come back
# as CLIXML: output on stdout, progress, warnings and errors on stderr, as the console host serializes them.
function Start-ChildPwsh {
    param(
        [Parameter(Mandatory)] [string] $Script,
        [switch] $XmlOutput,
        [hashtable] $Environment = @{}
    )
    $command = @(Get-RealPwshCommand)
    $start = [System.Diagnostics.ProcessStartInfo]::new($command[0])
    foreach ($argument in $command | Select-Object -Skip 1) { $start.ArgumentList.Add($argument) }
    foreach ($argument in '-NoProfile', '-NonInteractive') { $start.ArgumentList.Add($argument) }
    if ($XmlOutput) {
        $start.ArgumentList.Add('-OutputFormat')
        $start.ArgumentList.Add('xml')
    }
    $start.ArgumentList.Add('-Command')
    $start.ArgumentList.Add("`$ErrorActionPreference = 'Stop'; Import-Module '$moduleManifest'; `$ErrorActionPreference = 'Continue'`n$Script")
    foreach ($name in $Environment.Keys) { $start.Environment[$name] = $Environment[$name] }
    $start.UseShellExecute = $false
    $start.RedirectStandardInput = $true
    $start.RedirectStandardOutput = $true
    $start.RedirectStandardError = $true
    $start.StandardOutputEncoding = [System.Text.UTF8Encoding]::new($false)
    $start.StandardErrorEncoding = [System.Text.UTF8Encoding]::new($false)
    $process = [System.Diagnostics.Process]::Start($start)
    $process.StandardInput.Close()
    [pscustomobject]@{
        Process = $process
        Output  = $process.StandardOutput.ReadToEndAsync()
        Error   = $process.StandardError.ReadToEndAsync()
    }
}

function Wait-ChildPwsh {
    param([Parameter(Mandatory)] $Child, [int] $TimeoutSec = 90)
    if (-not $Child.Process.WaitForExit($TimeoutSec * 1000)) {
        $Child.Process.Kill($true)
        throw "The child pwsh (process $($Child.Process.Id)) did not end within $TimeoutSec s."
    }
    $Child.Process.WaitForExit()
    [pscustomobject]@{
        ExitCode = $Child.Process.ExitCode
        Output   = $Child.Output.GetAwaiter().GetResult()
        Error    = $Child.Error.GetAwaiter().GetResult()
    }
}

function Invoke-ChildPwsh {
    param(
        [Parameter(Mandatory)] [string] $Script,
        [switch] $XmlOutput,
        [hashtable] $Environment = @{},
        [int] $TimeoutSec = 90
    )
    Wait-ChildPwsh -Child (Start-ChildPwsh -Script $Script -XmlOutput:$XmlOutput -Environment $Environment) -TimeoutSec $TimeoutSec
}

# Ctrl+C for a process that has no terminal: SIGINT, as the terminal would send it.
function Send-Interrupt {
    param([Parameter(Mandatory)] [System.Diagnostics.Process] $Process)
    $kill = Get-Command -Name kill -CommandType Application -ErrorAction Stop | Select-Object -First 1
    & $kill -s INT $Process.Id
    if ($LASTEXITCODE -ne 0) { throw "kill -s INT $($Process.Id) failed." }
}

# Ctrl+C for a child pwsh: its result once it has ended, with Stopping, the time it took to end. A child that
# outlives the timeout, or a failed signal, is killed rather than left running.
function Stop-ChildPwsh {
    param([Parameter(Mandatory)] $Child, [int] $TimeoutSec = 30)
    $watch = [System.Diagnostics.Stopwatch]::StartNew()
    try {
        Send-Interrupt -Process $Child.Process
        $result = Wait-ChildPwsh -Child $Child -TimeoutSec $TimeoutSec
    }
    finally {
        if (-not $Child.Process.HasExited) { $Child.Process.Kill($true) }
    }
    $result | Add-Member -NotePropertyName Stopping -NotePropertyValue $watch.Elapsed -PassThru
}

# Polls $Condition every 100 ms until it is true; false when $TimeoutSec passes first.
function Wait-Until {
    param([Parameter(Mandatory)] [scriptblock] $Condition, [int] $TimeoutSec = 30)
    $deadline = [DateTime]::UtcNow.AddSeconds($TimeoutSec)
    while ([DateTime]::UtcNow -lt $deadline) {
        if (& $Condition) { return $true }
        Start-Sleep -Milliseconds 100
    }
    $false
}

# The CLIXML documents a child started with -XmlOutput wrote to one stream, as XmlElements (<Obj S="progress">, <S S="warning">, ...).
function Get-CliXmlElement {
    param([AllowEmptyString()] [string] $Text, [Parameter(Mandatory)] [string] $Stream)
    foreach ($document in $Text -split '#< CLIXML') {
        if (-not $document.Trim()) { continue }
        $xml = [xml]$document.Trim()
        $xml.DocumentElement.ChildNodes | Where-Object { $_.GetAttribute('S') -eq $Stream }
    }
}

# The progress records in a child's CLIXML error stream: Activity, ActivityId, RecordType, SecondsRemaining, StatusDescription.
function Get-CliXmlProgress {
    param([AllowEmptyString()] [string] $Text)
    foreach ($element in Get-CliXmlElement -Text $Text -Stream 'progress') {
        $record = $element.SelectSingleNode("*[local-name()='MS']/*[local-name()='PR']")
        [pscustomobject]@{
            Activity          = $record.SelectSingleNode("*[local-name()='AV']").InnerText
            ActivityId        = [int]$record.SelectSingleNode("*[local-name()='AI']").InnerText
            RecordType        = $record.SelectSingleNode("*[local-name()='T']").InnerText
            SecondsRemaining  = [int]$record.SelectSingleNode("*[local-name()='SR']").InnerText
            StatusDescription = $record.SelectSingleNode("*[local-name()='SD']").InnerText
        }
    }
}

# The objects a child wrote to its CLIXML output stream, deserialized as PowerShell remoting would.
function Get-CliXmlOutput {
    param([AllowEmptyString()] [string] $Text)
    foreach ($document in $Text -split '#< CLIXML') {
        if ($document.Trim()) { [System.Management.Automation.PSSerializer]::DeserializeAsList($document.Trim()) }
    }
}
