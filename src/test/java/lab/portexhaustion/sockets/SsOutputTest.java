package lab.portexhaustion.sockets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The {@code ss -Htan} reader against {@code ss-tan.txt}: {@code ss -Htan state all} as printed on this project's
 * machine kind, in the network namespace described in {@link InetDiagTableTest}.
 */
class SsOutputTest {

  private final List<SocketEntry> sockets = SsOutput.parse(read("ss-tan.txt"));

  @Test
  void readsEveryLineWithItsState() {
    Map<TcpState, Long> byState = sockets.stream().collect(Collectors.groupingBy(SocketEntry::state, Collectors.counting()));

    assertThat(sockets).hasSize(19);
    assertThat(byState).containsOnly(Map.entry(TcpState.LISTEN, 3L), Map.entry(TcpState.ESTABLISHED, 12L),
        Map.entry(TcpState.TIME_WAIT, 2L), Map.entry(TcpState.FIN_WAIT2, 1L), Map.entry(TcpState.CLOSE_WAIT, 1L));
  }

  @Test
  void readsBracketedMappedAndDeviceBoundAddresses() throws Exception {
    assertThat(sockets).contains(
        new SocketEntry(endpoint("127.0.0.1", 46876), endpoint("127.0.0.1", 27017), TcpState.TIME_WAIT),
        new SocketEntry(endpoint("::1", 36886), endpoint("::1", 38185), TcpState.ESTABLISHED),
        new SocketEntry(endpoint("127.0.0.1", 5353), endpoint("0.0.0.0", 0), TcpState.LISTEN));
    assertThat(sockets).filteredOn(s -> s.local().getPort() == 52968).singleElement()
        .satisfies(s -> assertThat(s.local().getAddress()).isInstanceOf(Inet4Address.class));
  }

  @Test
  void aBareStarIsIpv6sAnyAddressAndAnyPort() {
    assertThat(sockets).filteredOn(s -> s.local().getPort() == 38185 && s.state() == TcpState.LISTEN).singleElement()
        .satisfies(s -> {
          assertThat(s.local().getAddress()).isInstanceOf(Inet6Address.class);
          assertThat(s.local().getAddress().isAnyLocalAddress()).isTrue();
          assertThat(s.remote().getPort()).isZero();
        });
  }

  @Test
  void aLineThatIsNotSsOutputIsRefused() {
    assertThatThrownBy(() -> SsOutput.parse("ESTAB 0 0 127.0.0.1:1\n")).hasMessageContaining("not a line of ss -Htan");
    assertThatThrownBy(() -> SsOutput.parse("LISTENING 0 0 127.0.0.1:1 0.0.0.0:*\n")).hasMessageContaining("not a TCP state");
  }

  private static InetSocketAddress endpoint(String address, int port) throws Exception {
    return new InetSocketAddress(InetAddress.getByName(address), port);
  }

  private static String read(String name) {
    try {
      return Files.readString(Path.of("src/test/resources/fixtures/linux").resolve(name));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
