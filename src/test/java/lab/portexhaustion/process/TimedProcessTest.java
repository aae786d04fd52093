package lab.portexhaustion.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class TimedProcessTest {

  private static final Duration LIMIT = Duration.ofSeconds(2);

  @Test
  void aChildThatPrintsThenHangsEndsAtItsLimit() {
    long start = System.nanoTime();

    TimedProcess.TimeoutException timeout = catchThrowableOfType(
        () -> TimedProcess.run(new ProcessBuilder("sh", "-c", "echo started; sleep 60"), LIMIT), TimedProcess.TimeoutException.class);

    double seconds = (System.nanoTime() - start) / 1e9;
    assertThat(timeout).as("a hung child must end in a timeout").isNotNull();
    assertThat(seconds).isBetween(1.9, 10.0);
    assertThat(timeout.getMessage()).contains("sleep 60", "did not finish within 2 s");
    assertThat(timeout.outputSoFar()).isEqualTo("started\n");
  }

  @Test
  void theTimeoutKillsWhatTheChildStartedToo() throws Exception {
    TimedProcess.TimeoutException timeout = catchThrowableOfType(
        () -> TimedProcess.run(new ProcessBuilder("sh", "-c", "sleep 60 & echo $!; wait"), LIMIT), TimedProcess.TimeoutException.class);

    assertThat(timeout).isNotNull();
    long grandchild = Long.parseLong(timeout.outputSoFar().trim());
    ProcessHandle.of(grandchild).ifPresent(h -> h.onExit().completeOnTimeout(h, 5, TimeUnit.SECONDS).join());
    assertThat(ProcessHandle.of(grandchild).filter(ProcessHandle::isAlive)).as("sleep 60, pid " + grandchild).isEmpty();
  }

  @Test
  void moreOutputThanAPipeHoldsDoesNotBlockTheChild() throws Exception {
    TimedProcess.Result result = TimedProcess.run(new ProcessBuilder("sh", "-c", "head -c 1000000 /dev/zero | tr '\\0' x"),
        Duration.ofSeconds(20));

    assertThat(result.exitCode()).isZero();
    assertThat(result.output()).hasSize(1_000_000).matches("x+");
  }

  @Test
  void exitCodeOutputAndErrorsOfAChildThatEnds() throws Exception {
    TimedProcess.Result result = TimedProcess.run(new ProcessBuilder("sh", "-c", "echo out; echo err >&2; exit 3"), LIMIT);

    assertThat(result).isEqualTo(new TimedProcess.Result(3, "out\n", "err\n"));
  }
}
