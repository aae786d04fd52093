package lab.portexhaustion.launch;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import lab.portexhaustion.process.ProcessExit;

/**
 * {@code java -jar port-exhaustion-lab-VERSION.jar [--range LOW-HIGH] [--nofile N] [--no-prepare] [-- COMMAND...]}, run
 * from a Gatling project's folder: that project's simulations in a network namespace with a narrow port range
 * (docs/running.md). The launcher itself is the bash script shipped beside this class, with the exit-code wrapper it
 * runs its command through; this repository's {@code scripts/contained-run} runs the same script. This class unpacks
 * the two into a temporary folder, runs the script with the arguments as they are, and ends with its status, which is
 * the simulations' own code, or 3 for a refusal of the launcher's own (docs/verdict.md, "Exit codes").
 *
 * <p>It uses the JDK and the JDK-only {@code process} package, so that the jar alone, without its dependencies, is
 * its class path.
 */
public final class ContainedRun {

  /** The launcher, then the wrapper it finds beside itself. */
  private static final List<String> SCRIPTS = List.of("contained-run", "lab-test");

  /** How long a launcher stopped from outside gets to end its simulations before this JVM goes. */
  private static final Duration STOP_WAIT = Duration.ofSeconds(10);

  private ContainedRun() {}

  public static void main(String[] args) throws IOException, InterruptedException {
    Path folder = Files.createTempDirectory("contained-run-");
    int status;
    try {
      for (String script : SCRIPTS) {
        unpack(script, folder);
      }
      status = run(folder, args);
    } finally {
      remove(folder);
    }
    ProcessExit.passOn(status);
  }

  private static void unpack(String script, Path folder) throws IOException {
    Path file = folder.resolve(script);
    try (InputStream in = ContainedRun.class.getResourceAsStream(script)) {
      if (in == null) {
        throw new IOException("the jar has no " + script + " beside " + ContainedRun.class.getName());
      }
      Files.copy(in, file);
    }
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwx------"));
  }

  private static int run(Path folder, String[] args) throws InterruptedException {
    List<String> command = new ArrayList<>(List.of("bash", folder.resolve(SCRIPTS.get(0)).toString()));
    command.addAll(List.of(args));
    Process process;
    try {
      process = new ProcessBuilder(command).inheritIO().start();
    } catch (IOException e) {
      // Nothing ran: the setup mistake's code, as the launcher's own refusals, so that a CI script never reads it as a verdict.
      System.err.println("contained-run: cannot start bash, which runs the launcher (" + e.getMessage() + "); install bash.");
      return ProcessExit.Code.SETUP_FAILED.status();
    }
    // Ctrl+C reaches every process of the terminal's group; a SIGTERM to this JVM alone (a CI job's timeout) would
    // leave the namespace's mvn and its simulations running without it, and the unpacked scripts behind.
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      stop(process);
      remove(folder);
    }, "contained-run-stop"));
    return process.waitFor();
  }

  private static void stop(Process process) {
    if (!process.isAlive()) {
      return;
    }
    process.descendants().forEach(ProcessHandle::destroy);
    process.destroy();
    try {
      process.waitFor(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Quietly: it also runs as the JVM ends, where a folder left in the temporary directory is no reason to fail. */
  private static void remove(Path folder) {
    try {
      for (String script : SCRIPTS) {
        Files.deleteIfExists(folder.resolve(script));
      }
      Files.deleteIfExists(folder);
    } catch (IOException e) {
      // Left behind in the temporary directory.
    }
  }
}
