package lab.portexhaustion.bench;

/**
 * The two Linux {@code /proc} files the throughput lines read for their cost per request: a task's {@code status}
 * (its name and context switches) and a process's or task's {@code stat} (its CPU time).
 */
final class ProcLines {

  /** A task's context switches since it started: those it asked for (waiting) and those the scheduler forced. */
  record ContextSwitches(long voluntary, long involuntary) {

    static final ContextSwitches NONE = new ContextSwitches(0, 0);

    ContextSwitches minus(ContextSwitches earlier) {
      return new ContextSwitches(voluntary - earlier.voluntary, involuntary - earlier.involuntary);
    }

    ContextSwitches plus(ContextSwitches other) {
      return new ContextSwitches(voluntary + other.voluntary, involuntary + other.involuntary);
    }
  }

  private static final String NAME = "Name:";
  private static final String VOLUNTARY = "voluntary_ctxt_switches:";
  private static final String INVOLUNTARY = "nonvoluntary_ctxt_switches:";

  // utime and stime are fields 14 and 15 of stat; counted from the field after comm (field 3, the state) as 0.
  private static final int UTIME_AFTER_COMM = 11;

  private ProcLines() {}

  /** The two counts of a {@code /proc/<pid>/task/<tid>/status} text. */
  static ContextSwitches contextSwitches(String status) {
    Long voluntary = null;
    Long involuntary = null;
    for (String line : status.split("\n")) {
      if (line.startsWith(VOLUNTARY)) {
        voluntary = Long.parseLong(line.substring(VOLUNTARY.length()).trim());
      } else if (line.startsWith(INVOLUNTARY)) {
        involuntary = Long.parseLong(line.substring(INVOLUNTARY.length()).trim());
      }
    }
    if (voluntary == null || involuntary == null) {
      throw new IllegalArgumentException("no context switch counts in a /proc status text starting '"
          + status.lines().findFirst().orElse("") + "'");
    }
    return new ContextSwitches(voluntary, involuntary);
  }

  /** The name of a {@code /proc/<pid>/task/<tid>/status} text: a Java thread's name, cut by Linux to 15 characters. */
  static String name(String status) {
    return status.lines().filter(line -> line.startsWith(NAME)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no Name line in a /proc status text starting '"
            + status.lines().findFirst().orElse("") + "'"))
        .substring(NAME.length()).strip();
  }

  /**
   * User plus system time of a {@code stat} line, in clock ticks: of the whole process (with its ended threads) for
   * {@code /proc/<pid>/stat}, of one thread for {@code /proc/<pid>/task/<tid>/stat}. Fields are counted after the last
   * ')', as the name before it (comm) may itself hold spaces and parentheses, as Java's thread names do.
   */
  static long cpuTicks(String stat) {
    int commEnd = stat.lastIndexOf(')');
    if (commEnd < 0) {
      throw new IllegalArgumentException("not a /proc stat line: '" + stat.strip() + "'");
    }
    String[] fields = stat.substring(commEnd + 1).trim().split(" +");
    if (fields.length <= UTIME_AFTER_COMM + 1) {
      throw new IllegalArgumentException("a /proc stat line too short for utime and stime: '" + stat.strip() + "'");
    }
    return Long.parseLong(fields[UTIME_AFTER_COMM]) + Long.parseLong(fields[UTIME_AFTER_COMM + 1]);
  }
}
