package lab.portexhaustion.target;

/**
 * A server process of the harness's own that ended while the harness used it.
 *
 * @param epochMillis when its end was seen
 * @param exitValue its status as the JDK gives it: 128 + the signal's number for a process a signal ended
 */
public record ProcessDeath(long epochMillis, int exitValue) {

  /** The JDK's status for a process ended by a signal is 128 + its number (as a shell gives it). */
  private static final int SIGNALLED = 128;

  /** "signal 9" or "exit code 1". */
  public String how() {
    return exitValue > SIGNALLED ? "signal " + (exitValue - SIGNALLED) : "exit code " + exitValue;
  }
}
