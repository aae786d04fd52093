package lab.portexhaustion.report;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What a comparison calls each of its runs: its scenario's name, and where two runs of one comparison share a
 * scenario, the name with what tells them apart: their simulations (a user's own workload beside a built-in one of the
 * same strategy), or for runs of one simulation (a run before a change beside one after it) the UTC time each started,
 * or its folder when they started in the same second. Chart lines are told apart by these names.
 */
final class RunNames {

  private RunNames() {}

  /** Each run's name, by its folder. */
  static Map<Path, String> of(List<RunResults> runs) {
    Map<String, Long> perLabel = count(runs, r -> r.summary().label());
    Map<String, Long> perSimulation = count(runs, r -> r.summary().label() + " " + r.summary().simulation());
    Map<String, Long> perStart = count(runs, r -> r.summary().label() + " " + startTime(r));
    Map<Path, String> names = new HashMap<>();
    for (RunResults run : runs) {
      String label = run.summary().label();
      String name;
      if (perLabel.get(label) == 1) {
        name = label;
      } else if (perSimulation.get(label + " " + run.summary().simulation()) == 1) {
        name = label + " (" + run.summary().simulation() + ")";
      } else if (perStart.get(label + " " + startTime(run)) == 1) {
        name = label + " (" + startTime(run) + ")";
      } else {
        name = label + " (" + run.folder().getFileName() + ")";
      }
      names.put(run.folder(), name);
    }
    return names;
  }

  private static Map<String, Long> count(List<RunResults> runs, Function<RunResults, String> key) {
    return runs.stream().collect(Collectors.groupingBy(key, Collectors.counting()));
  }

  /** "20:44:51" of "2026-12-01T20:44:51.133899119Z": the day is the same for runs compared side by side, mostly. */
  private static String startTime(RunResults run) {
    String startedAt = run.summary().startedAt();
    int t = startedAt.indexOf('T');
    return t >= 0 && startedAt.length() >= t + 9 ? startedAt.substring(t + 1, t + 9) : startedAt;
  }
}
