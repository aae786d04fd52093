package lab.portexhaustion.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import lab.portexhaustion.process.ParentProcess;
import lab.portexhaustion.process.ProcessExit;
import org.junit.jupiter.api.Test;

/**
 * The watchdog ends a run past its bound or orphaned, after flushing with its reason, with the watchdog's exit code;
 * never one that ended by itself, and nothing before it is started.
 */
class RunWatchdogTest {

  @Test
  void aRunPastItsBoundIsFlushedWithItsReasonThenHaltedWithItsExitCode() throws Exception {
    AtomicReference<String> flushedWith = new AtomicReference<>();
    CompletableFuture<ProcessExit.Code> halted = new CompletableFuture<>();

    try (RunWatchdog watchdog = new RunWatchdog("Sim", Instant.now().plusMillis(300), "test bound", Optional.empty(),
        flushedWith::set, halted::complete)) {
      watchdog.start();
      assertThat(halted.get(5, TimeUnit.SECONDS)).isEqualTo(ProcessExit.Code.WATCHDOG);
    }
    assertThat(flushedWith.get()).isEqualTo("the run was still going past its bound (test bound)");
  }

  @Test
  void aRunWhoseParentProcessIsGoneIsHalted() throws Exception {
    Process parent = new ProcessBuilder("sleep", "30").start();
    CompletableFuture<ProcessExit.Code> halted = new CompletableFuture<>();

    AtomicReference<String> flushedWith = new AtomicReference<>();

    try (RunWatchdog watchdog = new RunWatchdog("Sim", Instant.now().plus(Duration.ofMinutes(5)), "test bound",
        Optional.of(ParentProcess.of(parent.toHandle())), flushedWith::set, halted::complete)) {
      watchdog.start();
      Thread.sleep(600);
      assertThat(halted).isNotDone();
      parent.destroyForcibly();
      assertThat(halted.get(5, TimeUnit.SECONDS)).isEqualTo(ProcessExit.Code.WATCHDOG);
    }
    assertThat(flushedWith.get()).isEqualTo("the process that started this simulation (pid " + parent.pid() + ") is gone");
  }

  @Test
  void aRunThatEndedByItselfIsLeftAlone() throws Exception {
    CompletableFuture<ProcessExit.Code> halted = new CompletableFuture<>();

    RunWatchdog watchdog = new RunWatchdog("Sim", Instant.now().plusMillis(500), "test bound", Optional.empty(), reason -> { },
        halted::complete);
    watchdog.start();
    watchdog.close();
    Thread.sleep(1_000);

    assertThat(halted).isNotDone();
  }

  @Test
  void nothingIsWatchedBeforeItStarts() throws Exception {
    CompletableFuture<ProcessExit.Code> halted = new CompletableFuture<>();

    try (RunWatchdog watchdog = new RunWatchdog("Sim", Instant.now().minusSeconds(1), "test bound", Optional.empty(), reason -> { },
        halted::complete)) {
      Thread.sleep(500);
      assertThat(halted).as("past its deadline, but not started").isNotDone();

      watchdog.start();
      assertThat(halted.get(5, TimeUnit.SECONDS)).isEqualTo(ProcessExit.Code.WATCHDOG);
    }
  }
}
