package lab.portexhaustion.sampler;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import lab.portexhaustion.embedded.ServerStatus;
import lab.portexhaustion.sockets.SocketTable;
import org.junit.jupiter.api.Test;

/** The sampler on the real kernel: connections this test makes and closes must show up, by state. */
class PortSamplerTest {

  private static final int CONNECTIONS = 20;

  private final NetworkConditions live = NetworkConditionsReader.linux("live", Path.of("/proc/sys/net/ipv4"));
  private final List<PortSample> rows = new CopyOnWriteArrayList<>();

  @Test
  void seesTheTimeWaitAndOpenSocketsTowardItsTarget() throws Exception {
    try (ServerSocket server = new ServerSocket(0, 100, InetAddress.getLoopbackAddress())) {
      InetSocketAddress target = new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort());
      for (int i = 0; i < CONNECTIONS; i++) {
        try (Socket client = new Socket(target.getAddress(), target.getPort()); Socket accepted = server.accept()) {
          client.close(); // the client closes first: its port goes to TIME_WAIT
        }
      }
      try (Socket open = new Socket(target.getAddress(), target.getPort()); Socket accepted = server.accept();
          PortSampler sampler = new PortSampler(SocketTable.forThisMachine(), target, live, Instant.now())) {

        PortSample sample = sampler.snapshot("full");

        assertThat(sample.timeWait()).isEqualTo(CONNECTIONS);
        assertThat(sample.established()).isEqualTo(1);
        assertThat(sample.portsInUseTowardTarget()).isEqualTo(CONNECTIONS + 1);
        assertThat(sample.portsInUseAnyDestination()).isGreaterThanOrEqualTo(CONNECTIONS + 1);
        assertThat(sample.utilisationPercent())
            .isEqualTo(Math.round(1000.0 * (CONNECTIONS + 1) / live.range().size()) / 10.0);
        assertThat(sample.timeWaitTotal()).isGreaterThanOrEqualTo(CONNECTIONS);
        assertThat(sample.descriptorsOpen()).isPositive();
        assertThat(sampler.peaks().timeWaitTowardTarget()).isEqualTo(CONNECTIONS);
        assertThat(sampler.latestFull()).isSameAs(sample);
      }
    }
  }

  @Test
  void runsBothTiersInTheBackgroundOnceStartedAndKeepsASnapshotTakenBefore() throws Exception {
    InetSocketAddress nowhere = new InetSocketAddress(InetAddress.getLoopbackAddress(), 9);
    PortSample before;
    try (PortSampler sampler = new PortSampler(SocketTable.forThisMachine(), nowhere, live, Instant.now())) {
      before = sampler.snapshot("full");
      Thread.sleep(100);
      assertThat(sampler.latestFull()).as("nothing sampled before start but the snapshot").isSameAs(before);
      sampler.start(rows::add, Duration.ofMillis(20), Duration.ofMillis(200), 100);
      Thread.sleep(700);
    }

    assertThat(rows).anyMatch(r -> r.tier().equals("totals") && !r.isFull());
    assertThat(rows.stream().filter(PortSample::isFull).count()).isBetween(2L, 6L);
    assertThat(rows).as("the snapshot taken before start is kept, not sent").doesNotContain(before);
    assertThat(rows).allMatch(r -> r.rangeSize() == live.range().size());
  }

  @Test
  void putsTheServerProcesssFiguresBesideTheClientsInEveryTierAndInThePeaks() throws Exception {
    InetSocketAddress nowhere = new InetSocketAddress(InetAddress.getLoopbackAddress(), 9);
    AtomicReference<ServerStatus> server = new AtomicReference<>(new ServerStatus(180, 512, 10, 0, 0, 0));
    try (PortSampler sampler = new PortSampler(SocketTable.forThisMachine(), nowhere, live, () -> Optional.of(server.get()),
        Instant.now())) {
      sampler.start(rows::add, Duration.ofMillis(20), Duration.ofMillis(200), 100);
      Thread.sleep(100);
      server.set(new ServerStatus(512, 512, 340, 0, 7, 0));
      PortSample atTheLimit = sampler.snapshot("onset");

      assertThat(atTheLimit.serverDescriptorsOpen()).isEqualTo(512);
      assertThat(atTheLimit.serverDescriptorsMax()).isEqualTo(512);
      assertThat(atTheLimit.serverOpenConnections()).isEqualTo(340);
      assertThat(atTheLimit.serverAcceptFailures()).isEqualTo(7);
      assertThat(atTheLimit.descriptorsOpen()).as("the client's own, apart").isNotEqualTo(512);
      assertThat(sampler.peaks().serverDescriptorsOpen()).isEqualTo(512);
    }
    assertThat(rows).anyMatch(r -> !r.isFull() && Long.valueOf(180).equals(r.serverDescriptorsOpen()));
    assertThat(rows).allMatch(r -> r.serverDescriptorsMax() == 512);
  }

  @Test
  void withoutAServerProcessItsColumnsStayEmpty() throws Exception {
    InetSocketAddress nowhere = new InetSocketAddress(InetAddress.getLoopbackAddress(), 9);
    try (PortSampler sampler = new PortSampler(SocketTable.forThisMachine(), nowhere, live, Instant.now())) {
      assertThat(sampler.snapshot("full").serverDescriptorsOpen()).isNull();
      assertThat(sampler.peaks().serverDescriptorsOpen()).isEqualTo(-1);
    }
  }
}
