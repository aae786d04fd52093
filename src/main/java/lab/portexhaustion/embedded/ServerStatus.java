package lab.portexhaustion.embedded;

/**
 * The embedded server process's figures, as it reports them to the simulation's process.
 *
 * @param descriptorsOpen the server process's open descriptors (its limit when it is at the limit and cannot count them)
 * @param descriptorsMax its descriptor limit
 * @param openConnections client connections it holds open
 * @param refusedConnections connections its connection limit closed on arrival
 * @param acceptFailures accepts that failed (EMFILE at its descriptor limit)
 * @param idleClosedConnections connections it closed for being idle
 */
public record ServerStatus(long descriptorsOpen, long descriptorsMax, int openConnections, long refusedConnections,
    long acceptFailures, long idleClosedConnections) {

  private static final String PREFIX = "STATUS ";

  /** One line of the server's standard output. */
  public String line() {
    return PREFIX + descriptorsOpen + " " + descriptorsMax + " " + openConnections + " " + refusedConnections + " " + acceptFailures
        + " " + idleClosedConnections;
  }

  public static boolean isStatusLine(String line) {
    return line.startsWith(PREFIX);
  }

  public static ServerStatus parse(String line) {
    String[] f = line.substring(PREFIX.length()).trim().split(" ");
    return new ServerStatus(Long.parseLong(f[0]), Long.parseLong(f[1]), Integer.parseInt(f[2]), Long.parseLong(f[3]),
        Long.parseLong(f[4]), Long.parseLong(f[5]));
  }
}
