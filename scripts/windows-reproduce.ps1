<#
.SYNOPSIS
  Reproduces the incident's Windows failure (WSAENOBUFS, "No buffer space available") by
  narrowing the TCP dynamic port range, running the simulations, and restoring the range.

.DESCRIPTION
  Windows takes ephemeral ports from one pool for the whole host, and a closed connection holds
  its port in TIME_WAIT for up to 240 s. This script narrows that pool with
  `netsh int ipv4 set dynamicport tcp` (Windows accepts 255 ports at the least), runs
  `mvn gatling:test` with expectations checked, and always puts the previous range back, also
  when the run fails or is interrupted. Needs an elevated (Administrator) PowerShell. While it
  runs, every program on this host shares the narrow range: run it on a test machine.

.EXAMPLE
  powershell -ExecutionPolicy Bypass -File scripts\windows-reproduce.ps1 -NumberOfPorts 1000
#>
[CmdletBinding()]
param(
  [ValidateRange(1025, 65280)]
  [int] $StartPort = 49152,
  [ValidateRange(255, 16384)]
  [int] $NumberOfPorts = 1000,
  # More arguments for Maven, e.g. '-Dload.peakRate=200'.
  [string[]] $MavenArgs = @()
)
$ErrorActionPreference = 'Stop'

if ($StartPort + $NumberOfPorts - 1 -gt 65535) {
  Write-Error "StartPort $StartPort + NumberOfPorts $NumberOfPorts goes past port 65535."
  exit 2
}
$identity = [Security.Principal.WindowsPrincipal][Security.Principal.WindowsIdentity]::GetCurrent()
if (-not $identity.IsInRole([Security.Principal.WindowsBuiltInRole]::Administrator)) {
  Write-Error 'Changing the dynamic port range needs an elevated PowerShell (Run as Administrator). Nothing was changed.'
  exit 3
}

function Get-DynamicPortRange {
  $text = (netsh int ipv4 show dynamicport tcp) | Out-String
  $start = [regex]::Match($text, 'Start Port\s*:\s*(\d+)')
  $count = [regex]::Match($text, 'Number of Ports\s*:\s*(\d+)')
  if (-not $start.Success -or -not $count.Success) { throw "cannot read the dynamic port range from netsh:`n$text" }
  [pscustomobject]@{ Start = [int]$start.Groups[1].Value; Count = [int]$count.Groups[1].Value }
}

$previous = Get-DynamicPortRange
Write-Host "windows-reproduce: current TCP dynamic range: $($previous.Start) + $($previous.Count) ports"
$exitCode = 1
try {
  netsh int ipv4 set dynamicport tcp start=$StartPort num=$NumberOfPorts | Out-Null
  if ($LASTEXITCODE -ne 0) { throw "netsh refused start=$StartPort num=$NumberOfPorts" }
  Write-Host "windows-reproduce: narrowed to $StartPort + $NumberOfPorts ports; running mvn gatling:test"
  $env:PORT_EXHAUSTION_LAB_CONTAINED = '1'
  & mvn -B -ntp gatling:test @MavenArgs
  $exitCode = $LASTEXITCODE
}
finally {
  netsh int ipv4 set dynamicport tcp start=$($previous.Start) num=$($previous.Count) | Out-Null
  $now = Get-DynamicPortRange
  Write-Host "windows-reproduce: restored the TCP dynamic range to $($now.Start) + $($now.Count) ports"
}
exit $exitCode
