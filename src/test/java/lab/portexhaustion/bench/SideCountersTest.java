package lab.portexhaustion.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A side's JVM ends while its counters still sample it: the snapshots taken while it ran still give its cost, and a
 * window past its last snapshot is refused, naming the read that failed. A real child process, read through /proc.
 */
class SideCountersTest {

  @Test
  void aSideThatEndedKeepsTheCostOfItsSnapshotsAndRefusesAWindowTheyDoNotReach() throws Exception {
    assumeTrue(Files.isDirectory(Path.of("/proc/self/task")), "needs Linux's /proc");
    long started;
    long ended;
    SideCounters counters = SideCounters.start();
    try {
      started = System.currentTimeMillis();
      Process side = new ProcessBuilder("sleep", "2").start();
      assertThat(side.waitFor(20, TimeUnit.SECONDS)).isTrue();
      ended = System.currentTimeMillis();
      Thread.sleep(1_000); // the sampler meets the ended child and stops
    } finally {
      counters.close();
    }

    SideCounters.Cost whileItRan = counters.cost(started + 200, ended - 200, 1_000);
    assertThat(whileItRan.jvm().voluntary()).as("a sleeping process switches nowhere between two snapshots").isZero();
    assertThatThrownBy(() -> counters.cost(started + 200, ended + 5_000, 1_000))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("could not read /proc for a side's context switches up to the end of its steady seconds");
  }
}
