package lab.portexhaustion.process;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a process to its end or to a time limit, whichever comes first. Its standard output and
 * error are read on threads of their own while this one waits, so a child that writes a lot
 * cannot block on a full pipe and a child that hangs cannot block the caller: when the limit
 * passes, the process and every process it started are killed (killing only the parent would
 * leave, say, the JVM a {@code mvn} forked still running).
 */
public final class TimedProcess {

  /** How a process ended: its exit code and what it wrote (empty for a stream the builder redirected elsewhere). */
  public record Result(int exitCode, String output, String errors) {}

  /** The process did not end within its limit; it and its descendants were killed. */
  public static final class TimeoutException extends Exception {

    private final String outputSoFar;

    TimeoutException(List<String> command, Duration limit, String outputSoFar) {
      super(String.join(" ", command) + " did not finish within " + limit.toSeconds() + " s and was killed");
      this.outputSoFar = outputSoFar;
    }

    /** What the process wrote to its standard output before it was killed. */
    public String outputSoFar() {
      return outputSoFar;
    }
  }

  private static final Duration REAP_WAIT = Duration.ofSeconds(5);

  private TimedProcess() {}

  public static Result run(ProcessBuilder builder, Duration limit) throws IOException, InterruptedException, TimeoutException {
    long deadline = System.nanoTime() + limit.toNanos();
    Process process = builder.start();
    Drain output = Drain.of(process.getInputStream(), process.pid(), "stdout");
    Drain errors = Drain.of(process.getErrorStream(), process.pid(), "stderr");
    boolean ended;
    try {
      // The streams end when every process holding them has exited, which can be later than the process itself.
      // A process the child started and left running after the child ended is no longer its descendant: it
      // makes the run time out, but cannot be found to be killed.
      ended = process.waitFor(remainingNanos(deadline), TimeUnit.NANOSECONDS)
          && output.awaitEnd(remainingNanos(deadline)) && errors.awaitEnd(remainingNanos(deadline));
    } catch (InterruptedException e) {
      destroyTree(process);
      throw e;
    }
    if (!ended) {
      destroyTree(process);
      throw new TimeoutException(builder.command(), limit, output.text());
    }
    return new Result(process.exitValue(), output.text(), errors.text());
  }

  private static long remainingNanos(long deadline) {
    return Math.max(0, deadline - System.nanoTime());
  }

  private static void destroyTree(Process process) throws InterruptedException {
    List<ProcessHandle> descendants = process.descendants().toList();
    process.destroyForcibly();
    descendants.forEach(ProcessHandle::destroyForcibly);
    process.waitFor(REAP_WAIT.toSeconds(), TimeUnit.SECONDS);
  }

  /** Reads one stream to its end on a daemon thread, keeping what it read. */
  private static final class Drain {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final Thread thread;

    private Drain(InputStream in, String name) {
      thread = new Thread(() -> copy(in), name);
      thread.setDaemon(true);
    }

    static Drain of(InputStream in, long pid, String stream) {
      Drain drain = new Drain(in, "process-" + pid + "-" + stream);
      drain.thread.start();
      return drain;
    }

    private void copy(InputStream in) {
      byte[] buffer = new byte[8192];
      try (in) {
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
          synchronized (bytes) {
            bytes.write(buffer, 0, n);
          }
        }
      } catch (IOException e) {
        // The stream was closed under us (the process was killed): keep what was read.
      }
    }

    boolean awaitEnd(long nanos) throws InterruptedException {
      TimeUnit.NANOSECONDS.timedJoin(thread, nanos);
      return !thread.isAlive();
    }

    String text() {
      synchronized (bytes) {
        return bytes.toString(StandardCharsets.UTF_8);
      }
    }
  }
}
