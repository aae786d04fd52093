package lab.portexhaustion.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import lab.portexhaustion.sampler.FullSample;

/**
 * The {@code sampler-filtered} line: one full sample on a host of 100,000 TCP sockets, 1,000 of them toward the
 * target, through the kernel's filter against the whole {@code /proc/net/tcp} table, in the same run; and the
 * same filter through {@code ss}, for information. Measured by {@link FilteredSample} in a network namespace of its
 * own ({@code unshare --net}, so root): the figures compared must not move between the reads.
 */
final class FilteredSampleLine {

  static final int HOST_SOCKETS = 100_000;
  static final int TOWARD_TARGET = 1_000;
  private static final long TIMEOUT_SECONDS = 10 * 60;
  private static final double TARGET_MILLIS = 20;
  private static final double TARGET_RATIO = 0.3;
  // A namespace with its loopback up; the java command follows as "$@".
  private static final List<String> NAMESPACE = List.of("unshare", "--net", "--", "sh", "-c", "ip link set lo up && exec \"$@\"", "sh");

  private final int repetitions;

  FilteredSampleLine(int repetitions) {
    this.repetitions = repetitions;
  }

  List<BenchmarkLine> measure() throws Exception {
    ChildJvm.Result run = ChildJvm.runWrapped(NAMESPACE, FilteredSample.class.getName(), List.of(),
        List.of(String.valueOf(repetitions), String.valueOf(HOST_SOCKETS), String.valueOf(TOWARD_TARGET)), TIMEOUT_SECONDS);
    String json = run.output().lines().filter(l -> l.startsWith(FilteredSample.RESULT)).findFirst()
        .map(l -> l.substring(FilteredSample.RESULT.length()))
        .orElseThrow(() -> new IllegalStateException("the measurement in its network namespace ended (exit " + run.exitCode()
            + ") without a result; it needs root (unshare --net) and ip(8):\n" + run.output()));
    FilteredSample.Result result = new ObjectMapper().readValue(json, FilteredSample.Result.class);
    System.out.printf("  full sample at %,d host sockets: kernel-filtered %s ms (CPU %s ms), whole table %s ms, ss %s ms%n",
        result.hostSockets(), result.filteredMillis(), result.filteredCpuMillis(), result.wholeMillis(), result.ssMillis());
    return lines(result);
  }

  /** The lines of a measurement; none, but a failure, if the three ways counted differently. */
  static List<BenchmarkLine> lines(FilteredSample.Result result) {
    if (!result.filtered().equals(result.ss()) || !result.filtered().equals(result.whole())) {
      throw new IllegalStateException("the kernel-filtered sample's figures differ: filtered " + result.filtered() + ", ss "
          + result.ss() + ", whole /proc/net/tcp " + result.whole());
    }
    Spread filtered = Spread.of(result.filteredMillis());
    Spread cpu = Spread.of(result.filteredCpuMillis());
    Spread whole = Spread.of(result.wholeMillis());
    Spread ss = Spread.of(result.ssMillis());
    String host = String.format("%,d host sockets (%,d toward the target)", result.hostSockets(), result.towardTarget());
    FullSample.TcpStates states = result.filtered().towardTarget();
    FullSample.PortsInUse ports = result.filtered().ports();
    String figures = String.format("its figures equal ss's and the whole table's on the same sockets (established %d,"
        + " TIME_WAIT %d, ports in use toward the target %,d and toward any destination %,d, utilisation %.1f %%); the kernel"
        + " copies %,d sockets (toward the target's port or holding a port of the ephemeral range) of %,d", states.established(),
        states.timeWait(), ports.towardTarget(), ports.anyDestination(), ports.utilisationPercent(), result.selectedSockets(),
        result.hostSockets());
    return List.of(
        BenchmarkLine.lowerIsBetter("one full sample, kernel-filtered vs the whole `/proc/net/tcp`, " + host, "ms", filtered, whole,
            TARGET_RATIO, "one sock_diag request with a filter on ports, against the sampler's read of the whole table before;"
                + " in a network namespace of the benchmark's own; " + figures),
        BenchmarkLine.againstBound("one full sample, kernel-filtered, " + host, "ms", filtered, TARGET_MILLIS, String.format(
            "wall time; its own CPU time, kernel included (what sampler.maxCpuPercent counts): %.2f / %.2f / %.2f ms",
            cpu.min(), cpu.median(), cpu.max())),
        BenchmarkLine.forInformation("one full sample through `ss` with the same filter vs kernel-filtered, " + host, "ms", ss,
            filtered, "ss -Htan with the filter as an expression, started as a process per sample and its output parsed: the"
                + " other way to the same sockets, and the reference for the figures"));
  }
}
