package lab.portexhaustion.run;

import lab.portexhaustion.record.CleanStartState;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import lab.portexhaustion.sampler.EphemeralRange;
import lab.portexhaustion.sampler.NetworkConditions;
import lab.portexhaustion.sampler.NetworkConditions.PortAllocation;
import lab.portexhaustion.sockets.SocketEntry;
import lab.portexhaustion.sockets.SocketTable;
import lab.portexhaustion.sockets.TcpState;
import org.junit.jupiter.api.Test;

/**
 * The clean start against a socket table that drains on a schedule and a clock that only moves
 * when the wait sleeps: the sequence of a Windows host after an exhausting simulation, where the
 * previous embedded server's TIME_WAIT still holds the narrowed pool and this run's server has a
 * new port.
 */
class CleanStartTest {

  private static final EphemeralRange RANGE = new EphemeralRange(49152, 50151);
  private static final InetSocketAddress PREVIOUS_SERVER = new InetSocketAddress("127.0.0.1", 52001);
  private static final InetSocketAddress THIS_SERVER = new InetSocketAddress("127.0.0.1", 53002);

  private static NetworkConditions host(PortAllocation allocation, Duration timeWait) {
    return new NetworkConditions("test", RANGE, timeWait, Optional.empty(), Optional.empty(), allocation, "fixture");
  }

  private static SocketEntry socket(int localPort, InetSocketAddress remote, TcpState state) {
    return new SocketEntry(new InetSocketAddress("127.0.0.1", localPort), remote, state);
  }

  /** TIME_WAIT toward the previous server from {@code count} ports of the range. */
  private static List<SocketEntry> leftOver(int count) {
    List<SocketEntry> sockets = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      sockets.add(socket(RANGE.low() + i, PREVIOUS_SERVER, TcpState.TIME_WAIT));
    }
    return sockets;
  }

  /** Returns one table per read, the last one from then on; counts the reads. */
  private static final class DrainingTable implements SocketTable {
    private final List<List<SocketEntry>> reads;
    private int read;

    DrainingTable(List<List<SocketEntry>> reads) {
      this.reads = reads;
    }

    @Override
    public List<SocketEntry> read() {
      return reads.get(Math.min(read++, reads.size() - 1));
    }
  }

  private static final class FakeClock implements CleanStart.Clock {
    private Instant now = Instant.parse("2026-01-01T00:00:00Z");

    @Override
    public Instant now() {
      return now;
    }

    @Override
    public void sleep(Duration duration) {
      now = now.plus(duration);
    }
  }

  @Test
  void onAGlobalPoolTheNextSimulationWaitsForTimeWaitTowardAnotherDestination() {
    NetworkConditions windows = host(PortAllocation.GLOBAL, Duration.ofSeconds(120));
    DrainingTable table = new DrainingTable(List.of(leftOver(1000), leftOver(600), leftOver(200), List.of()));

    CleanStartState state = CleanStart.await(table, DrainScope.of(windows, Set.of(THIS_SERVER)), Duration.ofSeconds(135), new FakeClock());

    assertThat(state.timeWaitAtStart()).contains(1000L);
    assertThat(state.timeWaitWhenStarted()).contains(0L);
    assertThat(state.waitedSeconds()).isEqualTo(3.0);
    assertThat(state.note()).contains("drained in 3 s", "in the ephemeral range 49152-50151");
  }

  @Test
  void perDestinationTheSameTableIsNoReasonToWait() {
    NetworkConditions linux = host(PortAllocation.PER_DESTINATION, Duration.ofSeconds(60));
    DrainingTable table = new DrainingTable(List.of(leftOver(1000)));

    CleanStartState state = CleanStart.await(table, DrainScope.of(linux, Set.of(THIS_SERVER)), Duration.ofSeconds(75), new FakeClock());

    assertThat(state.timeWaitAtStart()).contains(0L);
    assertThat(state.waitedSeconds()).isZero();
    assertThat(state.note()).isEqualTo("no TIME_WAIT toward 127.0.0.1:53002");
  }

  @Test
  void onAGlobalPoolTimeWaitOutsideTheRangeAndOtherStatesDoNotHoldTheStart() {
    NetworkConditions windows = host(PortAllocation.GLOBAL, Duration.ofSeconds(120));
    List<SocketEntry> sockets = List.of(
        socket(PREVIOUS_SERVER.getPort(), new InetSocketAddress("127.0.0.1", 49500), TcpState.TIME_WAIT), // server side, port outside the range
        socket(49200, new InetSocketAddress("10.0.0.5", 443), TcpState.ESTABLISHED),
        socket(49201, THIS_SERVER, TcpState.ESTABLISHED));

    CleanStartState state = CleanStart.await(new DrainingTable(List.of(sockets)), DrainScope.of(windows, Set.of(THIS_SERVER)),
        Duration.ofSeconds(135), new FakeClock());

    assertThat(state.timeWaitAtStart()).contains(0L);
    assertThat(state.otherSocketsAtStart()).contains(1L);
    assertThat(state.waitedSeconds()).isZero();
  }

  @Test
  void aPoolThatNeverDrainsIsWaitedForUpToTheBoundAndTheNoteSaysSo() {
    NetworkConditions windows = host(PortAllocation.GLOBAL, Duration.ofSeconds(120));
    DrainingTable table = new DrainingTable(List.of(leftOver(40)));

    CleanStartState state = CleanStart.await(table, DrainScope.of(windows, Set.of(THIS_SERVER)), Duration.ofSeconds(135), new FakeClock());

    assertThat(state.waitedSeconds()).isEqualTo(135.0);
    assertThat(state.timeWaitWhenStarted()).contains(40L);
    assertThat(table.read).isEqualTo(136);
    assertThat(state.note()).contains("40 sockets still in TIME_WAIT", "after waiting 135 s", "does not start clean");
  }

  @Test
  void anUnreadableTableStartsAtOnce() {
    SocketTable broken = () -> {
      throw new IOException("no permission");
    };

    CleanStartState state = CleanStart.await(broken, DrainScope.of(host(PortAllocation.GLOBAL, Duration.ofSeconds(120)), Set.of(THIS_SERVER)),
        Duration.ofSeconds(135), new FakeClock());

    assertThat(state.timeWaitAtStart()).isEmpty();
    assertThat(state.timeWaitWhenStarted()).isEmpty();
    assertThat(state.otherSocketsAtStart()).isEmpty();
    assertThat(state.waitedSeconds()).isZero();
    assertThat(state.note()).isEqualTo("the socket table could not be read: not checked").doesNotContain("-1", "TIME_WAIT");
  }

  @Test
  void aTableThatStopsReadingWhileDrainingLeavesTheCountAtTheStartAndNoneAtTheEnd() {
    NetworkConditions windows = host(PortAllocation.GLOBAL, Duration.ofSeconds(120));
    List<SocketEntry> first = leftOver(300);
    int[] reads = {0};
    SocketTable failsOnItsThirdRead = () -> {
      if (++reads[0] >= 3) {
        throw new IOException("no permission");
      }
      return first;
    };

    CleanStartState state = CleanStart.await(failsOnItsThirdRead, DrainScope.of(windows, Set.of(THIS_SERVER)), Duration.ofSeconds(135),
        new FakeClock());

    assertThat(state.timeWaitAtStart()).contains(300L);
    assertThat(state.timeWaitWhenStarted()).isEmpty();
    assertThat(state.waitedSeconds()).isEqualTo(2.0);
    assertThat(state.note()).isEqualTo("the socket table could not be read any more: not checked after waiting 2 s");
  }
}
