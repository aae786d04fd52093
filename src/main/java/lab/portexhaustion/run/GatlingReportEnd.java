package lab.portexhaustion.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import lab.portexhaustion.process.ProcessExit;
import lab.portexhaustion.record.GatlingLaunch;

/**
 * A run's Gatling report, looked at as the run's JVM ends: Gatling writes it after the harness's files, the comparison
 * and the verdict, in the same JVM, and a report it could not write was a crash (its "Run crashed", exit 1) whose
 * folder kept half a report and whose comparison linked it as to come.
 *
 * <p>Where the report's folder takes no more (a byte written there now fails, as on a full disk), the report is not
 * whole, whether or not {@code index.html} was written before the disk filled: that is said once, naming the folder and
 * the OS's cause, the part Gatling wrote is removed, and a run whose verdict passed or was not checked ends with
 * {@link ProcessExit.Code#REPORT_NOT_WRITTEN}, its harness files and verdict whole; another code stands, said all the
 * same. A report missing for another reason (Gatling's crash, said above by Gatling, or no report asked for) or cut short
 * by a signal is left as it is. In every case where the report is not whole the batch's comparison is rewritten
 * without a link to it.
 */
final class GatlingReportEnd {

  private static final String GATLING_REPORT = "index.html";
  /** What Gatling writes into a run's folder besides simulation.log: its pages, and their scripts and styles. */
  private static final List<String> REPORT_FOLDERS = List.of("js", "style");

  private final String simulation;
  private final GatlingLaunch launch;
  private final Path runFolder;

  GatlingReportEnd(String simulation, GatlingLaunch launch, Path runFolder) {
    this.simulation = simulation;
    this.launch = launch;
    this.runFolder = runFolder;
  }

  /**
   * Called from the JVM's last shutdown hook, once Gatling's report is written, has failed, or is being cut short by a
   * signal ({@code interrupted}): the code the JVM ends with.
   */
  ProcessExit.Code atJvmEnd(ProcessExit.Code code, boolean interrupted) {
    if (!Files.isDirectory(runFolder)) {
      return code; // moved or removed since: nothing here to link
    }
    // A signal ends the JVM while Gatling's report may still be written: the folder says nothing yet, and its disk is
    // not why the report is cut.
    Optional<String> notWritable = interrupted ? Optional.empty() : whyNotWritable(runFolder);
    boolean whole = !interrupted && notWritable.isEmpty() && Files.isRegularFile(runFolder.resolve(GATLING_REPORT));
    if (whole) {
      return code;
    }
    notWritable.ifPresent(cause -> {
      String removed = removePartialReport();
      System.err.println(simulation + ": Gatling's HTML report could not be written in " + runFolder + ": " + cause + "; "
          + removed + ", and the comparison does not link it. The harness's own files in " + runFolder.resolve("harness")
          + " (its summary and the verdict said above) are whole. Free space on that disk, then make the report from the run's"
          + " simulation.log with mvn gatling:test -Dgatling.reportsOnly=" + runFolder.getFileName() + "; exit code "
          + (code == ProcessExit.Code.DONE ? ProcessExit.Code.REPORT_NOT_WRITTEN : code).status() + ".");
    });
    BatchComparison.refreshWithoutReport(launch, runFolder);
    return notWritable.isPresent() && code == ProcessExit.Code.DONE ? ProcessExit.Code.REPORT_NOT_WRITTEN : code;
  }

  /**
   * Why a file cannot be written into {@code folder} now, in the OS's words: a byte is written and forced to the disk, as
   * a full disk still makes an empty file. Empty where it can, the probe removed.
   */
  static Optional<String> whyNotWritable(Path folder) {
    try {
      Path probe = Files.createTempFile(folder, ".report-check-", "");
      try (FileChannel channel = FileChannel.open(probe, StandardOpenOption.WRITE)) {
        channel.write(ByteBuffer.wrap(new byte[] {'\n'}));
        channel.force(true);
      } finally {
        Files.deleteIfExists(probe);
      }
      return Optional.empty();
    } catch (IOException e) {
      return Optional.of(WriteCause.of(e));
    }
  }

  /** Removes Gatling's pages and their folders, what it wrote of its report; says what it did. */
  private String removePartialReport() {
    try (Stream<Path> entries = Files.list(runFolder)) {
      List<Path> report = entries.filter(entry -> REPORT_FOLDERS.contains(entry.getFileName().toString())
          || Files.isRegularFile(entry) && entry.getFileName().toString().endsWith(".html")).toList();
      for (Path entry : report) {
        deleteRecursively(entry);
      }
      return report.isEmpty() ? "Gatling wrote none of it" : "the part Gatling wrote (its pages, js/, style/) is removed";
    } catch (IOException | UncheckedIOException e) {
      return "the part Gatling wrote could not all be removed (" + e.getMessage() + ")";
    }
  }

  private static void deleteRecursively(Path path) throws IOException {
    try (Stream<Path> paths = Files.walk(path)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
