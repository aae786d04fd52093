package lab.portexhaustion.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import lab.portexhaustion.process.ParentProcess;
import lab.portexhaustion.process.ProcessExit;
import org.junit.jupiter.api.Test;

/**
 * The watchdog ends a run past its bound or orphaned, after flushing, with the watchdog's exit code; never one that
 * ended by itself, and nothing before it is started.
 */
class RunWatchdogTest {

  @Test
  void aRunPastItsBoundIsFlushedThenHaltedWithItsExitCode() throws Exception {
    AtomicBoolean flushed = new AtomicBoolean();
    CompletableFuture<ProcessExit.Code> halted = new CompletableFuture<>();

    try (RunWatchdog watchdog = new RunWatchdog("Sim", Instant.now().plusMillis(300), "test bound", Optional.empty(),
        () -> flushed.set(true), halted::complete)) {
      watchdog.start();
      assertThat(halted.get(5, TimeUnit.SECONDS)).isEqualTo(ProcessExit.Code.WATCHDOG);
    }
    assertThat(flushed).isTrue();
  }

  @Test
  void aRunWhoseParentProcessIsGoneIsHalted() throws Exception {
    Process parent = new ProcessBuilder("sleep", "30").start();
    CompletableFuture<ProcessExit.Code> halted = new CompletableFuture<>();

    try (RunWatchdog watchdog = new RunWatchdog("Sim", Instant.now().plus(Duration.ofMinutes(5)), "test bound",
        Optional.of(ParentProcess.of(parent.toHandle())), () -> { }, halted::complete)) {
      watchdog.start();
      Thread.sleep(600);
      assertThat(halted).isNotDone();
      parent.destroyForcibly();
      assertThat(halted.get(5, TimeUnit.SECONDS)).isEqualTo(ProcessExit.Code.WATCHDOG);
    }
  }

  @Test
  void aRunThatEndedByItselfIsLeftAlone() throws Exception {
    CompletableFuture<ProcessExit.Code> halted = new CompletableFuture<>();

    RunWatchdog watchdog = new RunWatchdog("Sim", Instant.now().plusMillis(500), "test bound", Optional.empty(), () -> { },
        halted::complete);
    watchdog.start();
    watchdog.close();
    Thread.sleep(1_000);

    assertThat(halted).isNotDone();
  }

  @Test
  void nothingIsWatchedBeforeItStarts() throws Exception {
    CompletableFuture<ProcessExit.Code> halted = new CompletableFuture<>();

    try (RunWatchdog watchdog = new RunWatchdog("Sim", Instant.now().minusSeconds(1), "test bound", Optional.empty(), () -> { },
        halted::complete)) {
      Thread.sleep(500);
      assertThat(halted).as("past its deadline, but not started").isNotDone();

      watchdog.start();
      assertThat(halted.get(5, TimeUnit.SECONDS)).isEqualTo(ProcessExit.Code.WATCHDOG);
    }
  }
}
