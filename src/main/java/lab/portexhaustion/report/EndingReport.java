package lab.portexhaustion.report;

import java.nio.file.Path;

/**
 * The Gatling report of the run that is ending as a comparison is written, which its folder cannot tell yet: before
 * Gatling writes it, it is to come and linked; as the run's JVM ends without it whole (the disk full, a signal), it is
 * not linked, whatever part of it the folder holds.
 *
 * @param runFolder the run's folder
 * @param comes whether the report will be there, whole
 */
public record EndingReport(Path runFolder, boolean comes) {

  /** Whether this is the report of the run in {@code folder}. */
  boolean of(Path folder) {
    return runFolder.toAbsolutePath().normalize().equals(folder.toAbsolutePath().normalize());
  }
}
