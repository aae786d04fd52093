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
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import lab.portexhaustion.embedded.ServerStatus;
import lab.portexhaustion.sockets.ProcNetTcpTable;
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
          PortSampler sampler = new PortSampler(SocketTable.forThisMachine(), Set.of(target), live, Instant.now())) {

        FullSample sample = sampler.snapshot(PortSample.Tier.FULL);

        assertThat(sample.towardTarget().timeWait()).isEqualTo(CONNECTIONS);
        assertThat(sample.towardTarget().established()).isEqualTo(1);
        assertThat(sample.ports().towardTarget()).isEqualTo(CONNECTIONS + 1);
        assertThat(sample.ports().anyDestination()).isGreaterThanOrEqualTo(CONNECTIONS + 1);
        assertThat(sample.ports().utilisationPercent())
            .isEqualTo(Math.round(1000.0 * (CONNECTIONS + 1) / live.range().size()) / 10.0);
        assertThat(sample.totals().timeWaitTotal().orElseThrow()).isGreaterThanOrEqualTo(CONNECTIONS);
        assertThat(sample.totals().descriptors().orElseThrow().open()).isPositive();
        assertThat(sampler.peaks().timeWaitTowardTarget()).isEqualTo(CONNECTIONS);
        assertThat(sampler.latestFull()).containsSame(sample);
      }
    }
  }

  /**
   * The sampler narrows Linux's table to the kernel's filtered read; a sampler given the whole {@code /proc/net/tcp}
   * table counts the same sockets toward the target. (Ports in use toward any destination are the whole host's, which
   * other processes change meanwhile; the benchmark compares them in a namespace of its own.)
   */
  @Test
  void countsTowardTheTargetWhatTheWholeTableCounts() throws Exception {
    try (ServerSocket server = new ServerSocket(0, 100, InetAddress.getLoopbackAddress())) {
      InetSocketAddress target = new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort());
      for (int i = 0; i < CONNECTIONS; i++) {
        try (Socket client = new Socket(target.getAddress(), target.getPort()); Socket accepted = server.accept()) {
          client.close();
        }
      }
      SocketTable whole = new ProcNetTcpTable(List.of(Path.of("/proc/net/tcp"), Path.of("/proc/net/tcp6")));
      try (Socket open = new Socket(target.getAddress(), target.getPort()); Socket accepted = server.accept();
          PortSampler filtered = new PortSampler(SocketTable.forThisMachine(), Set.of(target), live, Instant.now());
          PortSampler unfiltered = new PortSampler(whole, Set.of(target), live, Instant.now())) {

        FullSample fromKernel = filtered.snapshot(PortSample.Tier.FULL);
        FullSample fromProc = unfiltered.snapshot(PortSample.Tier.FULL);

        assertThat(fromKernel.towardTarget()).isEqualTo(fromProc.towardTarget());
        assertThat(fromKernel.towardTarget().established()).isEqualTo(1);
        // At least: the listener's port is a free one the OS chose, and an earlier test's TIME_WAIT toward it can remain.
        assertThat(fromKernel.towardTarget().timeWait()).isGreaterThanOrEqualTo(CONNECTIONS);
        assertThat(fromKernel.ports().towardTarget()).isEqualTo(fromProc.ports().towardTarget()).isGreaterThanOrEqualTo(CONNECTIONS + 1);
        assertThat(fromKernel.ports().utilisationPercent()).isEqualTo(fromProc.ports().utilisationPercent());
      }
    }
  }

  @Test
  void runsBothTiersInTheBackgroundOnceStartedAndKeepsASnapshotTakenBefore() throws Exception {
    InetSocketAddress nowhere = new InetSocketAddress(InetAddress.getLoopbackAddress(), 9);
    FullSample before;
    try (PortSampler sampler = new PortSampler(SocketTable.forThisMachine(), Set.of(nowhere), live, Instant.now())) {
      before = sampler.snapshot(PortSample.Tier.FULL);
      Thread.sleep(100);
      assertThat(sampler.latestFull()).as("nothing sampled before start but the snapshot").containsSame(before);
      sampler.start(rows::add, Duration.ofMillis(20), Duration.ofMillis(200), 100);
      Thread.sleep(700);
    }

    assertThat(rows).anyMatch(r -> r instanceof TotalsSample && r.tier() == PortSample.Tier.TOTALS);
    assertThat(rows.stream().filter(FullSample.class::isInstance).count()).isBetween(2L, 6L);
    assertThat(rows).as("the snapshot taken before start is kept, not sent").doesNotContain(before);
    assertThat(rows).allMatch(r -> r.totals().rangeSize() == live.range().size());
  }

  @Test
  void putsTheServerProcesssFiguresBesideTheClientsInEveryTierAndInThePeaks() throws Exception {
    InetSocketAddress nowhere = new InetSocketAddress(InetAddress.getLoopbackAddress(), 9);
    AtomicReference<ServerStatus> server = new AtomicReference<>(new ServerStatus(Optional.of(180L), Optional.of(512L), 10, 0, 0, 0));
    try (PortSampler sampler = new PortSampler(SocketTable.forThisMachine(), Set.of(nowhere), live, () -> Optional.of(server.get()),
        Instant.now())) {
      sampler.start(rows::add, Duration.ofMillis(20), Duration.ofMillis(200), 100);
      Thread.sleep(100);
      server.set(new ServerStatus(Optional.of(512L), Optional.of(512L), 340, 0, 7, 0));
      FullSample atTheLimit = sampler.snapshot(PortSample.Tier.ONSET);

      assertThat(atTheLimit.tier()).isEqualTo(PortSample.Tier.ONSET);
      assertThat(atTheLimit.server()).contains(new PortSample.ServerFigures(Optional.of(new PortSample.Descriptors(512, 512)), 340, 7));
      assertThat(atTheLimit.totals().descriptors().orElseThrow().open()).as("the client's own, apart").isNotEqualTo(512);
      assertThat(sampler.peaks().serverDescriptorsOpen()).contains(512L);
    }
    assertThat(rows).anyMatch(r -> r instanceof TotalsSample && r.server().orElseThrow().descriptors().orElseThrow().open() == 180);
    assertThat(rows).allMatch(r -> r.server().orElseThrow().descriptors().orElseThrow().max() == 512);
  }

  @Test
  void withoutAServerProcessItsColumnsStayEmpty() throws Exception {
    InetSocketAddress nowhere = new InetSocketAddress(InetAddress.getLoopbackAddress(), 9);
    try (PortSampler sampler = new PortSampler(SocketTable.forThisMachine(), Set.of(nowhere), live, Instant.now())) {
      assertThat(sampler.snapshot(PortSample.Tier.FULL).server()).isEmpty();
      assertThat(sampler.peaks().serverDescriptorsOpen()).isEmpty();
    }
  }

  /**
   * The onset snapshot is taken on another thread than the sampler's, and reading the socket table takes time: the
   * sink still gets every sample in the order of its time, so {@code ports.csv} is in time order.
   */
  @Test
  void theOnsetSnapshotTakenWhileTheTiersRunComesInTimeOrder() throws Exception {
    SocketTable table = SocketTable.forThisMachine();
    SocketTable slow = () -> {
      try {
        Thread.sleep(300); // a table of many sockets, on a busy machine
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return table.read();
    };
    InetSocketAddress target = new InetSocketAddress(InetAddress.getLoopbackAddress(), 27017);
    try (PortSampler sampler = new PortSampler(slow, Set.of(target), live, Instant.now())) {
      sampler.start(rows::add, Duration.ofMillis(20), Duration.ofSeconds(60), 100);
      Thread.sleep(100);

      sampler.snapshot(PortSample.Tier.ONSET);
      Thread.sleep(100);
    }

    List<Long> times = rows.stream().map(PortSample::elapsedMillis).toList();
    assertThat(rows).extracting(PortSample::tier).contains(PortSample.Tier.TOTALS, PortSample.Tier.ONSET);
    assertThat(times).as("the samples' times, as the sink got them").isSorted();
  }
}
