package lab.portexhaustion.measure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * This machine's CPU time so far, all CPUs together, from the first line of Linux's {@code /proc/stat}: busy, idle
 * and stolen (the time a hypervisor gave to other guests while this one had work). Two readings make the shares over a
 * run. Empty where there is no such file (Windows, macOS).
 */
public record CpuTimes(long total, long idle, Optional<Long> steal) {

  private static final Path PROC_STAT = Path.of("/proc/stat");

  /** The reading now; empty where {@code /proc/stat} cannot be read. */
  public static Optional<CpuTimes> now() {
    try {
      List<String> lines = Files.readAllLines(PROC_STAT);
      return lines.isEmpty() ? Optional.empty() : parse(lines.get(0));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /**
   * The {@code cpu} line: user nice system idle iowait irq softirq steal (guest, guest_nice: already within user and
   * nice). Kernels before 2.6.11 have no steal column.
   */
  static Optional<CpuTimes> parse(String line) {
    String[] f = line.trim().split("\\s+");
    if (f.length < 5 || !f[0].equals("cpu")) {
      return Optional.empty();
    }
    long total = 0;
    for (int i = 1; i <= Math.min(8, f.length - 1); i++) {
      total += Long.parseLong(f[i]);
    }
    long idle = Long.parseLong(f[4]) + (f.length > 5 ? Long.parseLong(f[5]) : 0); // iowait is idle time too
    return Optional.of(new CpuTimes(total, idle, f.length > 8 ? Optional.of(Long.parseLong(f[8])) : Optional.empty()));
  }

  /** The share of CPU time stolen from {@code before} to this reading, in percent; empty without a steal column or time. */
  public Optional<Double> stealPercentSince(CpuTimes before) {
    long elapsed = total - before.total;
    return elapsed <= 0 ? Optional.empty()
        : steal.flatMap(now -> before.steal.map(then -> round(100.0 * (now - then) / elapsed)));
  }

  /** The share of CPU time busy from {@code before} to this reading, in percent; empty without time. */
  public Optional<Double> busyPercentSince(CpuTimes before) {
    long elapsed = total - before.total;
    return elapsed <= 0 ? Optional.empty() : Optional.of(round(100.0 * (elapsed - (idle - before.idle)) / elapsed));
  }

  private static double round(double percent) {
    return Math.round(percent * 10) / 10.0;
  }
}
