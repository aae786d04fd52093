package lab.portexhaustion.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * The codes a simulation's JVM ends with, one line each ({@code <code> <simulation>}), appended to the file that the
 * environment variable {@value #VARIABLE} names; nothing where it is not set. {@code scripts/lab-test} sets it: the
 * gatling-maven-plugin ends {@code mvn} with 1 whatever its fork ended with, so the wrapper reads the codes here. The
 * file is outside the results folder, which may be what is full. Only a JVM that began a simulation records how it
 * ends, and any that refuses one: the embedded server's process inherits the variable and records nothing. A record
 * that cannot be written is said once on standard error: it never changes how the program ends.
 */
final class ExitRecord {

  static final String VARIABLE = "PORT_EXHAUSTION_LAB_EXIT_FILE";
  private static final String UNNAMED = "-";

  private static volatile String program; // null until a simulation begins in this JVM
  private static volatile boolean failureSaid;

  private final Optional<Path> file;

  ExitRecord(Optional<Path> file) {
    this.file = file;
  }

  static ExitRecord fromEnvironment() {
    return new ExitRecord(Optional.ofNullable(System.getenv(VARIABLE)).filter(name -> !name.isBlank()).map(Path::of));
  }

  /** This JVM's program from now on, recorded as crashed until {@link #end} records its code. */
  void begin(String name) {
    program = name.isBlank() ? UNNAMED : name.replaceAll("\\s", "_");
    append(ProcessExit.Code.HARNESS_CRASHED.status());
    if (file.isPresent()) {
      InterruptRecord.installOnce(this);
    }
  }

  /** How this JVM's simulation ends; nothing in a JVM that began none. */
  void end(ProcessExit.Code code) {
    if (program != null) {
      append(code.status());
    }
  }

  /** A signal ends this JVM, with {@code status} (130 for INT, 143 for TERM, 129 for HUP); nothing in a JVM that began no simulation. */
  void interrupted(int status) {
    if (program != null) {
      append(status);
    }
  }

  /** A simulation refused, whether or not it began (one without a protocol never does). */
  void refused(ProcessExit.Code code) {
    if (program == null) {
      program = UNNAMED;
    }
    append(code.status());
  }

  private void append(int status) {
    if (file.isEmpty()) {
      return;
    }
    byte[] line = (status + " " + program + "\n").getBytes(StandardCharsets.UTF_8);
    try {
      Files.write(file.get(), line, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      if (!failureSaid) {
        failureSaid = true;
        System.err.println("cannot record the exit code in " + file.get() + " (" + VARIABLE + "): " + e.getMessage());
      }
    }
  }
}
