package lab.portexhaustion.sampler;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The OS readers against the output of each OS's own tool (fixtures), and the live Linux values. */
class NetworkConditionsReaderTest {

  private static final Path FIXTURES = Path.of("src/test/resources/fixtures");

  private static Optional<String> fixture(String name) throws Exception {
    return Optional.of(Files.readString(FIXTURES.resolve(name)));
  }

  @Test
  void linuxReadsRangeReuseAndBucketsFromProcSys() {
    NetworkConditions c = NetworkConditionsReader.linux("Linux 6.1", FIXTURES.resolve("linux/proc-sys-net-ipv4"));

    assertThat(c.range()).isEqualTo(new EphemeralRange(40000, 40999));
    assertThat(c.range().size()).isEqualTo(1000);
    assertThat(c.twReuse()).contains(0);
    assertThat(c.maxTimeWaitBuckets()).contains(131072L);
    assertThat(c.timeWait()).isEqualTo(Duration.ofSeconds(60));
    assertThat(c.portAllocation()).isEqualTo(NetworkConditions.PortAllocation.PER_DESTINATION);
    assertThat(c.kneeRate(1)).isCloseTo(16.67, org.assertj.core.data.Offset.offset(0.01));
  }

  @Test
  void linuxLiveValuesAreReadWhole() {
    // /proc reports size 0; a reader that trusts the size gets a truncated text.
    NetworkConditions c = NetworkConditionsReader.linux("live", Path.of("/proc/sys/net/ipv4"));

    assertThat(c.range().low()).isGreaterThanOrEqualTo(1024);
    assertThat(c.range().high()).isGreaterThan(c.range().low());
  }

  @Test
  void windowsVistaAndLaterDefaults() throws Exception {
    NetworkConditions c = NetworkConditionsReader.windows("Windows Server 2019", fixture("windows/netsh-dynamicport-tcp.txt"),
        fixture("windows/netsh-ipv6-dynamicport-tcp.txt"), Optional.empty());

    assertThat(c.range()).isEqualTo(new EphemeralRange(49152, 65535));
    assertThat(c.range().size()).isEqualTo(16384);
    assertThat(c.timeWait()).isEqualTo(Duration.ofSeconds(120));
    assertThat(c.portAllocation()).isEqualTo(NetworkConditions.PortAllocation.GLOBAL);
    assertThat(c.source()).contains("the same range for IPv4 and IPv6", "default TIME_WAIT");
  }

  @Test
  void aLocalisedNetshIsReadByPositionNotByItsLabels() throws Exception {
    // German labels, CRLF line ends: the start port and the count are the first and second numbers.
    NetworkConditions c = NetworkConditionsReader.windows("Windows 11", fixture("windows/netsh-dynamicport-tcp-de.txt"),
        fixture("windows/netsh-dynamicport-tcp-de.txt"), Optional.empty());

    assertThat(c.range()).isEqualTo(new EphemeralRange(49152, 50151));
    assertThat(c.source()).doesNotContain("default range");
  }

  @Test
  void anIpv6RangeThatDiffersFromTheIpv4OneIsNamed() throws Exception {
    NetworkConditions c = NetworkConditionsReader.windows("Windows 11", fixture("windows/netsh-dynamicport-tcp-de.txt"),
        fixture("windows/netsh-ipv6-dynamicport-tcp.txt"), Optional.empty());

    assertThat(c.range()).isEqualTo(new EphemeralRange(49152, 50151));
    assertThat(c.source()).contains("the IPv6 range differs (49152-65535 (16384 ports))");
  }

  @Test
  void netshOutputWithoutTwoNumbersOrBeyondPort65535IsNotARange() {
    assertThat(NetworkConditionsReader.parseNetsh("Der Befehl wurde nicht gefunden: 1")).isEmpty();
    assertThat(NetworkConditionsReader.parseNetsh("Startport : 65000\nAnzahl der Ports : 1000\n")).isEmpty();
    assertThat(NetworkConditionsReader.parseNetsh("Port de d\u00e9but : 50000\r\nNombre de ports : 255\r\n"))
        .contains(new EphemeralRange(50000, 50254));
  }

  @Test
  void windows2003RangeOfTheIncidentAndARegistryTimeWait() throws Exception {
    NetworkConditions c = NetworkConditionsReader.windows("Windows Server 2003",
        fixture("windows/netsh-dynamicport-tcp-2003.txt"), Optional.empty(), fixture("windows/reg-query-tcptimedwaitdelay.txt"));

    assertThat(c.range()).isEqualTo(new EphemeralRange(1025, 5000));
    assertThat(c.range().size()).isEqualTo(3976);
    assertThat(c.timeWait()).isEqualTo(Duration.ofSeconds(240));
  }

  @Test
  void windowsWithoutNetshFallsBackToTheDefaultRangeAndSaysSo() {
    NetworkConditions c = NetworkConditionsReader.windows("Windows", Optional.empty(), Optional.empty(), Optional.empty());

    assertThat(c.range()).isEqualTo(NetworkConditionsReader.WINDOWS_DEFAULT_RANGE);
    assertThat(c.source()).contains("Windows default range");
  }

  @Test
  void macosReadsSysctl() throws Exception {
    NetworkConditions c = NetworkConditionsReader.macos("Mac OS X 14", fixture("macos/sysctl-portrange-first.txt"),
        fixture("macos/sysctl-portrange-last.txt"), fixture("macos/sysctl-tcp-msl.txt"));

    assertThat(c.range()).isEqualTo(new EphemeralRange(49152, 65535));
    assertThat(c.timeWait()).isEqualTo(Duration.ofSeconds(30));
    assertThat(c.source()).contains("misses TIME_WAIT on macOS");
  }

  @Test
  void sockstatGivesTimeWaitAndInUse() throws Exception {
    CheapTotals.TcpTotals totals = CheapTotals.parseSockstat(Files.readString(FIXTURES.resolve("linux/proc-net-sockstat.txt")));

    assertThat(totals.timeWait()).contains(998L);
    assertThat(totals.inUse()).contains(4L);
  }

  @Test
  void sockstat6GivesTheIpv6SocketsInUse() throws Exception {
    String text = Files.readString(FIXTURES.resolve("linux/proc-net-sockstat6.txt"));

    assertThat(CheapTotals.tcpField(text, "TCP6:", "inuse")).contains(7L); // a listener and three connections, both ends
    assertThat(CheapTotals.tcpField(text, "TCP6:", "tw")).isEmpty();
  }
}
