package lab.portexhaustion.target;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A child process's end as the harness reports it: how it ended, and when, from real processes. */
class ProcessDeathTest {

  @Test
  void howSaysAnExitCodeOrTheSignalAboveTheShellsOffset() {
    assertThat(new ProcessDeath(0, 1).how()).isEqualTo("exit code 1");
    assertThat(new ProcessDeath(0, 0).how()).isEqualTo("exit code 0");
    assertThat(new ProcessDeath(0, 137).how()).isEqualTo("signal 9");
    assertThat(new ProcessDeath(0, 143).how()).isEqualTo("signal 15");
    // 128 itself is no signal: signal numbers start at 1.
    assertThat(new ProcessDeath(0, 128).how()).isEqualTo("exit code 128");
  }

  @Test
  void aChildThatExitsByItselfIsReportedWithItsCodeWhenItEnds() throws Exception {
    List<ProcessDeath> deaths = new CopyOnWriteArrayList<>();
    long started = System.currentTimeMillis();
    Process child = new ProcessBuilder("sh", "-c", "sleep 0.5; exit 3").start();

    ProcessDeath.watch(child, () -> false, deaths::add).get(10, TimeUnit.SECONDS);
    long handled = System.currentTimeMillis();

    assertThat(deaths).singleElement().satisfies(death -> {
      assertThat(death.how()).isEqualTo("exit code 3");
      // The moment is its end, not its start: after its half second of sleep, before the watch was done.
      assertThat(death.epochMillis()).isBetween(started + 500, handled);
    });
  }

  @Test
  void aChildKilledWithSigkillIsReportedAsSignal9WhenItWasKilled() throws Exception {
    List<ProcessDeath> deaths = new CopyOnWriteArrayList<>();
    Process child = new ProcessBuilder("sleep", "30").start();
    var watched = ProcessDeath.watch(child, () -> false, deaths::add);
    Thread.sleep(200);

    long killed = System.currentTimeMillis();
    Process kill = new ProcessBuilder("kill", "-KILL", Long.toString(child.pid())).start();
    assertThat(kill.waitFor(10, TimeUnit.SECONDS) && kill.exitValue() == 0).as("kill -KILL ran").isTrue();
    watched.get(10, TimeUnit.SECONDS);
    long handled = System.currentTimeMillis();

    assertThat(deaths).singleElement().satisfies(death -> {
      assertThat(death.how()).isEqualTo("signal 9");
      assertThat(death.exitValue()).isEqualTo(137);
      assertThat(death.epochMillis()).isBetween(killed, handled);
    });
  }

  @Test
  void aChildTheHarnessEndedIsNoDeath() throws Exception {
    List<ProcessDeath> deaths = new CopyOnWriteArrayList<>();
    Process child = new ProcessBuilder("sleep", "30").start();
    var watched = ProcessDeath.watch(child, () -> true, deaths::add);

    child.destroyForcibly();
    watched.get(10, TimeUnit.SECONDS);

    assertThat(deaths).isEmpty();
  }
}
