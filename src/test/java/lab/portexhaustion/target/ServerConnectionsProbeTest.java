package lab.portexhaustion.target;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntSupplier;
import lab.portexhaustion.config.EmbeddedFailureMode;
import lab.portexhaustion.config.EmbeddedMonitoring;
import lab.portexhaustion.config.ServerLimits;
import lab.portexhaustion.process.OwnDescriptors;
import org.junit.jupiter.api.Test;

/** The server's connection room as a client reads it before the load: serverStatus's connections, the probe's own left out. */
class ServerConnectionsProbeTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static final ProbeTimeout PROBE = new ProbeTimeout(TIMEOUT, "the test's");

  @Test
  void theProbeReadsTheLimitAndTheConnectionsOthersHold() throws Exception {
    try (EmbeddedMongoTarget target = EmbeddedMongoTarget.start("test", new ServerLimits(10, Duration.ZERO),
        EmbeddedMonitoring.STREAMING, port -> true)) {
      assertThat(ServerProbe.describe(target, PROBE, ServerLimits.NONE).description().connectionLimit()).contains(10);
      assertThat(ServerProbe.describe(target, PROBE, ServerLimits.NONE).description().connectionsInUse()).contains(0);

      List<Socket> others = new ArrayList<>();
      try {
        for (int i = 0; i < 3; i++) {
          others.add(new Socket(target.endpoint().getAddress(), target.endpoint().getPort()));
        }
        awaitOpen(target::openConnections, 3);
        TargetDescription probed = ServerProbe.describe(target, PROBE, ServerLimits.NONE).description();

        assertThat(probed.connectionsInUse()).contains(3);
        assertThat(probed.freeConnectionSlots()).contains(7);
        assertThat(probed.oneLine()).contains("3 of 10 connections in use");
      } finally {
        for (Socket s : others) {
          s.close();
        }
      }
    }
  }

  @Test
  void asMongodTheLimitIsEightyPercentOfTheServersDescriptors() {
    // The in-JVM server: its process is this one.
    try (EmbeddedMongoTarget target = EmbeddedMongoTarget.start("test")) {
      TargetDescription probed = ServerProbe.describe(target, PROBE, ServerLimits.NONE).description();

      assertThat(probed.connectionLimit()).contains((int) (0.8 * OwnDescriptors.max().orElseThrow()));
    }
  }

  @Test
  void aSelectServerSaysNoLimitSoTheRoomIsUnknown() {
    try (EmbeddedMongoTarget target = EmbeddedMongoTarget.start("test", new ServerLimits(0, Duration.ZERO, 0,
        EmbeddedFailureMode.SELECT_SERVER), EmbeddedMonitoring.STREAMING, port -> true)) {
      TargetDescription probed = ServerProbe.describe(target, PROBE, ServerLimits.NONE).description();

      assertThat(probed.connectionLimit()).isEmpty();
      assertThat(probed.freeConnectionSlots()).isEmpty();
    }
  }

  private static void awaitOpen(IntSupplier open, int connections) throws InterruptedException {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (open.getAsInt() < connections && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
  }
}
