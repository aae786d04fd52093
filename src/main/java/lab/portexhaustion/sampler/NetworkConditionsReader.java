package lab.portexhaustion.sampler;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import lab.portexhaustion.process.TimedProcess;

/**
 * Reads {@link NetworkConditions} from the OS: {@code /proc/sys} on Linux, {@code netsh} and the
 * registry on Windows, {@code sysctl} on macOS. Where a figure cannot be read, the OS's
 * documented default is used and {@code source} says so.
 */
public final class NetworkConditionsReader {

  /** TCP_TIMEWAIT_LEN, fixed in the Linux kernel. */
  static final Duration LINUX_TIME_WAIT = Duration.ofSeconds(60);
  /** TcpTimedWaitDelay's default on Windows Vista and later (older versions: 240 s). */
  static final Duration WINDOWS_DEFAULT_TIME_WAIT = Duration.ofSeconds(120);
  static final EphemeralRange WINDOWS_DEFAULT_RANGE = new EphemeralRange(49152, 65535);
  static final EphemeralRange MACOS_DEFAULT_RANGE = new EphemeralRange(49152, 65535);

  private static final Duration COMMAND_LIMIT = Duration.ofSeconds(10);
  private static final Path PROC_IPV4 = Path.of("/proc/sys/net/ipv4");
  /** A number at the end of a {@code label : value} line; netsh translates the labels, not the numbers. */
  private static final Pattern NETSH_VALUE = Pattern.compile(":\\s*(\\d{1,5})\\s*$", Pattern.MULTILINE);
  private static final Pattern REG_DWORD = Pattern.compile("TcpTimedWaitDelay\\s+REG_DWORD\\s+0x([0-9a-fA-F]+)");

  private NetworkConditionsReader() {}

  public static NetworkConditions read() {
    String osName = System.getProperty("os.name", "");
    String os = osName + " " + System.getProperty("os.version", "");
    if (osName.startsWith("Linux")) {
      return linux(os, PROC_IPV4);
    }
    if (osName.startsWith("Windows")) {
      return windows(os, run("netsh", "int", "ipv4", "show", "dynamicport", "tcp"), run("netsh", "int", "ipv6", "show", "dynamicport", "tcp"),
          run("reg", "query", "HKLM\\SYSTEM\\CurrentControlSet\\Services\\Tcpip\\Parameters", "/v", "TcpTimedWaitDelay"));
    }
    return macos(os, run("sysctl", "-n", "net.inet.ip.portrange.first"), run("sysctl", "-n", "net.inet.ip.portrange.last"),
        run("sysctl", "-n", "net.inet.tcp.msl"));
  }

  static NetworkConditions linux(String os, Path procIpv4) {
    try {
      String[] range = ProcFile.read(procIpv4.resolve("ip_local_port_range")).trim().split("\\s+");
      return new NetworkConditions(os,
          new EphemeralRange(Integer.parseInt(range[0]), Integer.parseInt(range[1])),
          LINUX_TIME_WAIT,
          Optional.of(Integer.parseInt(ProcFile.read(procIpv4.resolve("tcp_tw_reuse")).trim())),
          Optional.of(Long.parseLong(ProcFile.read(procIpv4.resolve("tcp_max_tw_buckets")).trim())),
          NetworkConditions.PortAllocation.PER_DESTINATION,
          procIpv4 + "; TIME_WAIT is TCP_TIMEWAIT_LEN (60 s) in the kernel");
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException("cannot read the port settings under " + procIpv4 + ": " + e.getMessage(), e);
    }
  }

  /**
   * From {@code netsh int ipv4|ipv6 show dynamicport tcp} and {@code reg query ... /v TcpTimedWaitDelay}
   * output. Windows keeps one range per IP version, and the JDK's sockets are dual-stack (IPv6) by
   * default, so a run narrowed for IPv4 only may draw its ports from the IPv6 range: the source says
   * when the two differ.
   */
  static NetworkConditions windows(String os, Optional<String> netshIpv4, Optional<String> netshIpv6, Optional<String> registry) {
    Optional<EphemeralRange> range = netshIpv4.flatMap(NetworkConditionsReader::parseNetsh);
    Optional<EphemeralRange> ipv6 = netshIpv6.flatMap(NetworkConditionsReader::parseNetsh);
    Optional<Duration> timeWait = registry.map(REG_DWORD::matcher).filter(Matcher::find)
        .map(m -> Duration.ofSeconds(Long.parseLong(m.group(1), 16)));
    String ranges = range.isEmpty()
        ? "Windows default range (netsh's IPv4 range not read)"
        : ipv6.isEmpty() ? "netsh IPv4 range (IPv6 range not read)"
        : ipv6.equals(range) ? "netsh, the same range for IPv4 and IPv6"
        : "netsh IPv4 range; the IPv6 range differs (" + ipv6.get() + ") and dual-stack sockets may draw from it";
    String source = ranges + ", " + (timeWait.isPresent() ? "TcpTimedWaitDelay" : "default TIME_WAIT (TcpTimedWaitDelay not set)");
    return new NetworkConditions(os, range.orElse(WINDOWS_DEFAULT_RANGE), timeWait.orElse(WINDOWS_DEFAULT_TIME_WAIT),
        Optional.empty(), Optional.empty(), NetworkConditions.PortAllocation.GLOBAL, source);
  }

  /** The first two {@code : number} values of netsh's output, by position: the start port and the number of ports. */
  static Optional<EphemeralRange> parseNetsh(String output) {
    Matcher value = NETSH_VALUE.matcher(output);
    List<Integer> numbers = new ArrayList<>();
    while (value.find() && numbers.size() < 2) {
      numbers.add(Integer.parseInt(value.group(1)));
    }
    if (numbers.size() < 2 || numbers.get(0) < 1 || numbers.get(1) < 1 || numbers.get(0) + numbers.get(1) - 1 > 65535) {
      return Optional.empty();
    }
    int low = numbers.get(0);
    return Optional.of(new EphemeralRange(low, low + numbers.get(1) - 1));
  }

  /** From {@code sysctl -n} of the range ends and of {@code net.inet.tcp.msl} (milliseconds; TIME_WAIT is 2 x MSL). */
  static NetworkConditions macos(String os, Optional<String> first, Optional<String> last, Optional<String> mslMillis) {
    Optional<EphemeralRange> range = first.isPresent() && last.isPresent()
        ? Optional.of(new EphemeralRange(Integer.parseInt(first.get().trim()), Integer.parseInt(last.get().trim())))
        : Optional.empty();
    Duration timeWait = mslMillis.map(m -> Duration.ofMillis(2 * Long.parseLong(m.trim()))).orElse(Duration.ofSeconds(30));
    // OSHI lists macOS sockets per process descriptor; a TIME_WAIT socket belongs to no process any more.
    String limit = "; the socket table misses TIME_WAIT on macOS: ports in use are undercounted and the clean start does not wait for them";
    return new NetworkConditions(os, range.orElse(MACOS_DEFAULT_RANGE), timeWait, Optional.empty(), Optional.empty(),
        NetworkConditions.PortAllocation.GLOBAL, (range.isPresent() ? "sysctl net.inet.ip.portrange, net.inet.tcp.msl" : "macOS defaults") + limit);
  }

  private static Optional<String> run(String... command) {
    try {
      TimedProcess.Result result = TimedProcess.run(new ProcessBuilder(command).redirectErrorStream(true), COMMAND_LIMIT);
      return result.exitCode() == 0 ? Optional.of(result.output()) : Optional.empty();
    } catch (IOException | TimedProcess.TimeoutException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }
}
