package lab.portexhaustion.bench;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/**
 * The throughput lines' cost per request, beside the benchmark table: for each side, the medians over its repetitions
 * of the side's JVM's figures and the embedded server's. Medians only, as min / median / max of six figures for two
 * sides would not fit a readable row; each figure's median is taken on its own, like the throughput's.
 */
final class RequestCostTable {

  /** One side of one throughput line over its repetitions. */
  record Row(String line, String side, List<Double> perSecond, List<SideCounters.Cost> costs) {

    double median(ToDoubleFunction<SideCounters.Cost> figure) {
      return Spread.of(costs.stream().map(figure::applyAsDouble).toList()).median();
    }

    /**
     * The JVM's voluntary switches per request by kind of thread, medians of the repetitions (a kind missing from one
     * is 0 there), those of at least {@value #SHOWN_FROM} per request, most first.
     */
    List<Map.Entry<String, Double>> jvmSwitchesByThreadKind() {
      Set<String> kinds = new TreeSet<>();
      costs.forEach(c -> kinds.addAll(c.jvm().voluntaryByThreadKind().keySet()));
      Map<String, Double> medians = new TreeMap<>();
      for (String kind : kinds) {
        medians.put(kind, median(c -> c.jvm().voluntaryByThreadKind().getOrDefault(kind, 0.0)));
      }
      return medians.entrySet().stream().filter(e -> e.getValue() >= SHOWN_FROM)
          .sorted(Map.Entry.<String, Double>comparingByValue().reversed()).toList();
    }

    int threadsEnded() {
      return costs.stream().mapToInt(c -> c.jvm().threadsEnded() + c.server().threadsEnded()).sum();
    }
  }

  /** Below this many voluntary switches per request a kind of thread is left out of its line: the timers, the GC. */
  static final double SHOWN_FROM = 0.05;

  private RequestCostTable() {}

  static String render(List<Row> rows) {
    StringBuilder md = new StringBuilder("Cost per request over the measured half of each repetition, medians of the repetitions"
        + " (context switches per request; CPU in µs per request; the server is the embedded server of the side):\n\n");
    md.append("| line | side | requests/s | JVM voluntary | JVM involuntary | JVM CPU µs | server voluntary | server involuntary"
        + " | server CPU µs |\n");
    md.append("|---|---|---|---|---|---|---|---|---|\n");
    for (Row row : rows) {
      md.append("| ").append(row.line()).append(" | ").append(row.side()).append(" | ")
          .append(String.format("%,.0f", Spread.of(row.perSecond()).median())).append(" | ")
          .append(String.format("%.2f | %.2f | %.1f | %.2f | %.2f | %.1f", row.median(c -> c.jvm().voluntary()),
              row.median(c -> c.jvm().involuntary()), row.median(c -> c.jvm().cpuMicros()), row.median(c -> c.server().voluntary()),
              row.median(c -> c.server().involuntary()), row.median(c -> c.server().cpuMicros())))
          .append(" |\n");
    }
    md.append("\nWhere the JVM's voluntary switches were made, per request, by kind of thread (a thread's name with its numbers"
        + " as # and its trailing numbers left off; medians of the repetitions; kinds under ").append(SHOWN_FROM)
        .append(" left out):\n\n");
    for (Row row : rows) {
      md.append("- ").append(row.line()).append(", ").append(row.side()).append(": ").append(row.jvmSwitchesByThreadKind().stream()
          .map(e -> String.format("%s %.2f", e.getKey(), e.getValue())).collect(Collectors.joining(", "))).append('\n');
    }
    md.append('\n');
    for (Row row : rows) {
      if (row.threadsEnded() > 0) {
        md.append("- ").append(row.line()).append(", ").append(row.side()).append(": ").append(row.threadsEnded())
            .append(" threads ended inside a measured window; their switches there are not counted\n");
      }
    }
    return md.toString();
  }
}
