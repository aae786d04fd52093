<#
.SYNOPSIS
  Reproduces the incident's Windows failure (WSAENOBUFS, "No buffer space available") by
  narrowing the TCP dynamic port range, running the simulations, and restoring the range.

.DESCRIPTION
  Windows takes ephemeral ports from one pool for the whole host, and a closed connection holds
  its port in TIME_WAIT for up to 240 s. The pool is kept per IP version, and Java opens
  dual-stack (IPv6) sockets by default, so this script narrows both the IPv4 and the IPv6 range
  with `netsh int ipv4|ipv6 set dynamicport tcp` (Windows accepts 255 ports at the least), runs
  `mvn gatling:test` with expectations checked, shows which ports the connections really took,
  and always puts the previous ranges back, also when the run fails or is interrupted. Maven
  downloads what it needs before the range is narrowed. Needs an elevated (Administrator)
  PowerShell. While it runs, every program on this host shares the narrow range: run it on a
  test machine.

  Exit codes: Maven's own once it has run, else 3 when the script refuses before it (a port or
  count out of range, not elevated, netsh's ranges cannot be read or set, Maven's downloads failed;
  a value that is no whole number PowerShell itself refuses, with its own code), as the harness's
  other wrappers do: never 2, which CI reads as a failed verdict. 1 when netsh could not put the
  previous ranges back after the run (the script says how to do it by hand).

.EXAMPLE
  powershell -ExecutionPolicy Bypass -File scripts\windows-reproduce.ps1 -NumberOfPorts 1000
#>
[CmdletBinding()]
param(
  # Checked below rather than with [ValidateRange], which PowerShell refuses with its own exit code, not ours.
  [int] $StartPort = 49152,
  [int] $NumberOfPorts = 1000,
  # More arguments for Maven, e.g. '-Dload.peakRate=200'.
  [string[]] $MavenArgs = @()
)
$ErrorActionPreference = 'Stop'

# Write-Error would end the script with code 1 under 'Stop', before any exit code of ours.
function Stop-Script([int] $Code, [string] $Message) {
  [Console]::Error.WriteLine("windows-reproduce: $Message")
  exit $Code
}

# netsh translates its labels (Start Port, Startport, Port de début...), not its numbers: the first
# number after a colon is the start port, the second the number of ports.
function Get-DynamicPortRange([string] $IpVersion) {
  $text = (netsh int $IpVersion show dynamicport tcp) | Out-String
  $numbers = [regex]::Matches($text, ':\s*(\d{1,5})\s*$', 'Multiline')
  if ($LASTEXITCODE -ne 0 -or $numbers.Count -lt 2) {
    Stop-Script 3 "cannot read the $IpVersion TCP dynamic port range from netsh; nothing was changed. netsh said:`n$text"
  }
  [pscustomobject]@{ Start = [int]$numbers[0].Groups[1].Value; Count = [int]$numbers[1].Groups[1].Value }
}

function Set-DynamicPortRange([string] $IpVersion, [int] $Start, [int] $Count) {
  netsh int $IpVersion set dynamicport tcp start=$Start num=$Count | Out-Null
  $LASTEXITCODE -eq 0
}

if ($StartPort -lt 1025 -or $StartPort -gt 65280) {
  Stop-Script 3 "StartPort $StartPort is outside 1025 to 65280, the start ports netsh takes. Nothing was changed."
}
if ($NumberOfPorts -lt 255 -or $NumberOfPorts -gt 16384) {
  Stop-Script 3 "NumberOfPorts $NumberOfPorts is outside 255 to 16384, the range sizes netsh takes. Nothing was changed."
}
if ($StartPort + $NumberOfPorts - 1 -gt 65535) {
  Stop-Script 3 "StartPort $StartPort + NumberOfPorts $NumberOfPorts goes past port 65535. Nothing was changed."
}
$identity = [Security.Principal.WindowsPrincipal][Security.Principal.WindowsIdentity]::GetCurrent()
if (-not $identity.IsInRole([Security.Principal.WindowsBuiltInRole]::Administrator)) {
  Stop-Script 3 'Changing the dynamic port range needs an elevated PowerShell (Run as Administrator). Nothing was changed.'
}

# Downloads need ports too: fetch dependencies and plugins while the host still has its full range.
& mvn -B -ntp gatling:test '-Dgatling.skip=true' @MavenArgs
if ($LASTEXITCODE -ne 0) {
  Stop-Script 3 "Maven could not prepare the build (exit $LASTEXITCODE); nothing was changed."
}

$previous4 = Get-DynamicPortRange ipv4
$previous6 = Get-DynamicPortRange ipv6
$restore = "netsh int ipv4 set dynamicport tcp start=$($previous4.Start) num=$($previous4.Count) & " +
  "netsh int ipv6 set dynamicport tcp start=$($previous6.Start) num=$($previous6.Count)"
Write-Host "windows-reproduce: current TCP dynamic ranges: IPv4 $($previous4.Start) + $($previous4.Count), IPv6 $($previous6.Start) + $($previous6.Count) ports"
# A closed console window skips the finally block below: say how to undo by hand first.
Write-Host "windows-reproduce: if this script is killed before it restores them, run in an elevated prompt: $restore"

$exitCode = 1
$end = $StartPort + $NumberOfPorts - 1
try {
  if (-not (Set-DynamicPortRange ipv4 $StartPort $NumberOfPorts) -or -not (Set-DynamicPortRange ipv6 $StartPort $NumberOfPorts)) {
    $exitCode = 3
    throw "netsh refused start=$StartPort num=$NumberOfPorts"
  }
  Write-Host "windows-reproduce: IPv4 and IPv6 narrowed to $StartPort-$end ($NumberOfPorts ports); running mvn gatling:test"
  $env:PORT_EXHAUSTION_LAB_CONTAINED = '1'
  & mvn -B -ntp -o gatling:test @MavenArgs
  $exitCode = $LASTEXITCODE

  # The last simulation's connections are still in TIME_WAIT: their local ports show which range they drew from.
  $held = @(Get-NetTCPConnection -State TimeWait -ErrorAction SilentlyContinue)
  foreach ($family in @(@{ Name = 'IPv4'; IsV6 = $false }, @{ Name = 'IPv6'; IsV6 = $true })) {
    $ports = @($held | Where-Object { ($_.LocalAddress -like '*:*') -eq $family.IsV6 } | ForEach-Object { [int]$_.LocalPort })
    if ($ports.Count -eq 0) {
      Write-Host "windows-reproduce: no $($family.Name) socket in TIME_WAIT"
      continue
    }
    $stats = $ports | Measure-Object -Minimum -Maximum
    $inside = @($ports | Where-Object { $_ -ge $StartPort -and $_ -le $end }).Count
    Write-Host ("windows-reproduce: {0} sockets in TIME_WAIT over {1}, local ports {2}-{3}, {4} of them inside {5}-{6}" -f `
      $ports.Count, $family.Name, $stats.Minimum, $stats.Maximum, $inside, $StartPort, $end)
  }
}
catch {
  [Console]::Error.WriteLine("windows-reproduce: $_")
}
finally {
  $restored4 = Set-DynamicPortRange ipv4 $previous4.Start $previous4.Count
  $restored6 = Set-DynamicPortRange ipv6 $previous6.Start $previous6.Count
  if ($restored4 -and $restored6) {
    Write-Host "windows-reproduce: restored the TCP dynamic ranges: IPv4 $($previous4.Start) + $($previous4.Count), IPv6 $($previous6.Start) + $($previous6.Count) ports"
  }
  else {
    [Console]::Error.WriteLine("windows-reproduce: netsh did not restore the ranges; run in an elevated prompt: $restore")
    $exitCode = 1
  }
}
exit $exitCode
