package lab.portexhaustion.run;

import lab.portexhaustion.process.ParentProcess;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The watchdog ends a run past its bound or orphaned, after flushing, and never one that ended by itself. */
class RunWatchdogTest {

  @Test
  void aRunPastItsBoundIsFlushedThenHaltedWithItsExitCode() throws Exception {
    AtomicBoolean flushed = new AtomicBoolean();
    CompletableFuture<Integer> halted = new CompletableFuture<>();

    try (RunWatchdog watchdog = new RunWatchdog("Sim", Instant.now().plusMillis(300), "test bound", Optional.empty(),
        () -> flushed.set(true), halted::complete)) {
      assertThat(halted.get(5, TimeUnit.SECONDS)).isEqualTo(RunWatchdog.EXIT_CODE);
    }
    assertThat(flushed).isTrue();
  }

  @Test
  void aRunWhoseParentProcessIsGoneIsHalted() throws Exception {
    Process parent = new ProcessBuilder("sleep", "30").start();
    CompletableFuture<Integer> halted = new CompletableFuture<>();

    try (RunWatchdog watchdog = new RunWatchdog("Sim", Instant.now().plus(Duration.ofMinutes(5)), "test bound",
        Optional.of(ParentProcess.of(parent.toHandle())), () -> { }, halted::complete)) {
      Thread.sleep(600);
      assertThat(halted).isNotDone();
      parent.destroyForcibly();
      assertThat(halted.get(5, TimeUnit.SECONDS)).isEqualTo(RunWatchdog.EXIT_CODE);
    }
  }

  @Test
  void aRunThatEndedByItselfIsLeftAlone() throws Exception {
    CompletableFuture<Integer> halted = new CompletableFuture<>();

    RunWatchdog watchdog = new RunWatchdog("Sim", Instant.now().plusMillis(500), "test bound", Optional.empty(), () -> { },
        halted::complete);
    watchdog.close();
    Thread.sleep(1_000);

    assertThat(halted).isNotDone();
  }
}
