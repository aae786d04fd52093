package lab.portexhaustion.bench;

import java.util.List;

/** The benchmark's lines as a Markdown table, printed and written to results/benchmarks/. */
final class BenchmarkTable {

  private BenchmarkTable() {}

  static String render(String heading, String machine, List<BenchmarkLine> lines) {
    StringBuilder md = new StringBuilder("# ").append(heading).append("\n\n").append(machine).append("\n\n");
    md.append("| line | unit | reps | harness min / median / max | baseline min / median / max | ratio | target | met |\n");
    md.append("|---|---|---|---|---|---|---|---|\n");
    for (BenchmarkLine line : lines) {
      md.append("| ").append(line.name()).append(" | ").append(line.unit()).append(" | ").append(line.measured().repetitions())
          .append(" | ").append(spread(line.measured())).append(" | ")
          .append(line.baseline() == null ? "-" : spread(line.baseline())).append(" | ")
          .append(String.format("%.2f", line.ratio())).append(" | ").append(line.target()).append(" | ")
          .append(switch (line.outcome()) {
            case MET -> "yes";
            case MISSED -> "**no**";
            case NO_TARGET -> "-";
          }).append(" |\n");
    }
    md.append('\n');
    for (BenchmarkLine line : lines) {
      if (!line.note().isEmpty()) {
        md.append("- ").append(line.name()).append(": ").append(line.note()).append('\n');
      }
    }
    return md.toString();
  }

  private static String spread(Spread s) {
    return format(s.min()) + " / " + format(s.median()) + " / " + format(s.max());
  }

  private static String format(double value) {
    return Math.abs(value) >= 100 ? String.format("%,.0f", value) : String.format("%.2f", value);
  }
}
