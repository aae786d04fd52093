package lab.portexhaustion.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import lab.portexhaustion.config.ConfigName;
import lab.portexhaustion.config.Scenario;
import lab.portexhaustion.config.StrategyKind;
import lab.portexhaustion.measure.SecondStats;
import lab.portexhaustion.model.Prediction;
import lab.portexhaustion.model.Resource;
import lab.portexhaustion.onset.OnsetRecord;
import lab.portexhaustion.record.RunConditions;
import lab.portexhaustion.record.RunSummary;
import lab.portexhaustion.target.ServerConditions;

/** Puts runs side by side: one table row per run, and the settings that differ between them. */
public final class ComparisonBuilder {

  private static final String POOLED_WORD = "pooled";
  private static final String UNPOOLED_WORD = "unpooled";
  private static final String GATLING_REPORT = "index.html";

  private ComparisonBuilder() {}

  /** Runs of one family in simulation order; paths relative to {@code resultsRoot}. */
  public static Comparison build(Scenario.Family family, List<RunResults> runs, Path resultsRoot) {
    return build(family, runs, resultsRoot, Optional.empty());
  }

  /**
   * As {@link #build(Scenario.Family, List, Path)}, where {@code reportToCome} is a run whose Gatling report is written
   * after this comparison (the run writing it): linked, as it will be there unless that run is interrupted meanwhile.
   */
  public static Comparison build(Scenario.Family family, List<RunResults> runs, Path resultsRoot, Optional<Path> reportToCome) {
    List<RunResults> ordered = runs.stream().sorted(Comparator.comparing(r -> r.folder().getFileName().toString())).toList();
    Map<Path, String> names = RunNames.of(ordered);
    List<Comparison.Row> rows = new ArrayList<>();
    List<String> folders = new ArrayList<>();
    for (RunResults run : ordered) {
      String folder = relative(resultsRoot, run.folder());
      folders.add(folder);
      rows.add(row(run, names.get(run.folder()), folder, gatlingReport(run.folder(), folder, reportToCome)));
    }
    return new Comparison(family.configName(), title(family, rows), folders, settingsThatDiffer(ordered), rows);
  }

  /**
   * What the runs put side by side, in the docs' words: "Pooled vs unpooled" where the pool is beside the patterns that
   * open and close a connection per request, and only there; a pattern that keeps its connections open is named as it is.
   */
  private static String title(Scenario.Family family, List<Comparison.Row> rows) {
    return switch (family) {
      case PORTS -> {
        Set<String> kinds = new TreeSet<>(Comparator.comparingInt(ComparisonBuilder::titleOrder).thenComparing(k -> k));
        rows.forEach(r -> kinds.add(titleWord(r.strategy())));
        String named = String.join(" vs ", kinds);
        String title = Character.toUpperCase(named.charAt(0)) + named.substring(1);
        yield kinds.size() == 1 ? title + " connections" : title;
      }
      case IDLE_CONNECTIONS -> "Connections kept open: leak vs idle timeout, and a server's limits";
    };
  }

  /**
   * A pattern in the title: client-per-request and raw-socket are "unpooled", as the docs call them; the others, and a
   * pattern this build does not know (a run recorded by another version), by their own names.
   */
  private static String titleWord(String strategy) {
    return ConfigName.parse(StrategyKind.class, strategy).map(kind -> switch (kind) {
      case POOLED -> POOLED_WORD;
      case CLIENT_PER_REQUEST, RAW_SOCKET -> UNPOOLED_WORD;
      case LEAKED_CLIENT, KEEP_ALIVE -> kind.configName();
    }).orElse(strategy);
  }

  /** The pool first, then the unpooled patterns, then any other. */
  private static int titleOrder(String word) {
    return word.equals(POOLED_WORD) ? 0 : word.equals(UNPOOLED_WORD) ? 1 : 2;
  }

  /** The link to a run's Gatling report, none where it is not there: a dead link would look like a report lost later. */
  private static Optional<String> gatlingReport(Path runFolder, String relativeFolder, Optional<Path> reportToCome) {
    boolean written = Files.isRegularFile(runFolder.resolve(GATLING_REPORT));
    boolean toCome = reportToCome.filter(run -> run.toAbsolutePath().normalize().equals(runFolder.toAbsolutePath().normalize())).isPresent();
    return written || toCome ? Optional.of("../" + relativeFolder + "/" + GATLING_REPORT) : Optional.empty();
  }

  private static Comparison.Row row(RunResults run, String name, String folder, Optional<String> gatlingReport) {
    RunSummary s = run.summary();
    RunConditions c = run.conditions();
    Optional<Comparison.Onset> onset = s.onset().map(o -> new Comparison.Onset(o.elapsedSeconds(), o.side(), o.requestsStarted(),
        o.portsInUseTowardTarget(), o.openTowardTarget(), known(o.descriptorsOpen()), o.serverDescriptorsOpen(), o.kind(), o.code(),
        o.message(), o.predictedOnsetSeconds(), o.visitRatePerSecond(), o.requestsPerVisitServed()));
    RunSummary.Connections connections = s.connections().orElse(new RunSummary.Connections(s.ports().peaks().openTowardTarget(),
        s.ports().peaks().descriptorsOpen(), known(c.descriptorLimit()), Optional.empty(), Optional.empty()));
    Comparison.Conditions conditions = new Comparison.Conditions(c.os(), c.rangeLow(), c.rangeHigh(), c.rangeSize(),
        c.timeWaitSeconds(), c.tcpTwReuse(), known(c.descriptorLimit()), c.contained(), c.target().kind(), withoutProcessId(c.target().software()),
        c.target().serverVersion(), c.harnessVersion(), c.gitCommit());
    return new Comparison.Row(s.simulation(), Optional.of(name), s.strategy(), folder, gatlingReport, conditions,
        s.requests().ok(), s.requests().ko(), s.requests().koPercent(), s.requests().notBuilt(), s.requests().meanPerSecond(), s.requests().peakPerSecond(),
        s.okLatencyMillis().p50(), s.okLatencyMillis().p95(), s.okLatencyMillis().p99(), s.okLatencyMillis().max(),
        s.ports().peaks().portsInUseTowardTarget(), s.ports().peaks().portsInUseAnyDestination(),
        s.ports().peaks().timeWaitTowardTarget(), s.ports().peaks().utilisationPercent(), s.ports().portsPerVisit(),
        connections.peakOpenTowardTarget(), connections.expectedOpen(), connections.peakDescriptorsOpen(),
        known(s.ports().peaks().serverDescriptorsOpen()), known(c.server().flatMap(ServerConditions::descriptorLimit)), connections.serverLimits(),
        onset, s.predictionMeasured().or(s::prediction), predictedKnee(s), s.onset().flatMap(o -> measuredKnee(run, o)),
        s.verdict().line(), s.verdict().passed(), s.verdict().status(), s.evidence());
  }

  /** Runs recorded before a file spelled unknown as null spelled these counts -1. */
  private static Optional<Long> known(Optional<Long> count) {
    return count.filter(n -> n >= 0);
  }

  /**
   * The predicted knee, as the verdict line gives it: the ports free when the load started, over TIME_WAIT, over the
   * ports a visit took. Where the verdict's prediction is not of ports (a server's slots, descriptors), the whole range's.
   */
  private static Optional<Double> predictedKnee(RunSummary s) {
    Optional<Prediction> used = s.predictionMeasured().or(s::prediction);
    if (used.isPresent() && used.get().resource().equals(Resource.EPHEMERAL_PORTS.label())) {
      return used.get().kneeVisitsPerSecond(); // none for a pool's plateau, as the verdict line gives none
    }
    return s.ports().kneeVisitsPerSecond();
  }

  /**
   * The visit rate the range actually absorbed: requests that succeeded in the TIME_WAIT before the onset, over
   * TIME_WAIT, over the requests of a visit. Each of them still held its ports when the range ran out, so this is
   * range / TIME_WAIT / ports per visit as measured, to set beside the predicted knee. The requests of a visit are
   * those the run measured (a loop goes round several times), or in runs recorded before, the chain's count.
   */
  private static Optional<Double> measuredKnee(RunResults run, OnsetRecord onset) {
    double requestsPerVisit = onset.requestsPerVisitServed().orElseGet(() ->
        (double) run.summary().prediction().map(Prediction::requestsPerVisit).filter(n -> n > 0).orElse(1));
    long timeWait = run.conditions().timeWaitSeconds();
    double end = onset.elapsedSeconds();
    long ok = run.requests().stream()
        .filter(second -> second.second() >= end - timeWait && second.second() + 1 <= Math.ceil(end))
        .mapToLong(SecondStats::ok)
        .sum();
    return timeWait == 0 ? Optional.empty() : Optional.of(Math.round(10.0 * ok / timeWait / requestsPerVisit) / 10.0);
  }

  /** Each setting whose value is not the same in every run, with its value per simulation. */
  private static Map<String, Map<String, String>> settingsThatDiffer(List<RunResults> runs) {
    TreeSet<String> keys = new TreeSet<>();
    runs.forEach(r -> keys.addAll(r.summary().settings().keySet()));
    Map<String, Map<String, String>> differ = new TreeMap<>();
    for (String key : keys) {
      Map<String, String> values = new LinkedHashMap<>();
      runs.forEach(r -> values.put(r.summary().simulation(), r.summary().settings().get(key)));
      if (values.values().stream().filter(Objects::nonNull).distinct().count() > 1) {
        differ.put(key, values);
      }
    }
    return differ;
  }

  private static String relative(Path root, Path folder) {
    return root.toAbsolutePath().normalize().relativize(folder.toAbsolutePath().normalize()).toString().replace('\\', '/');
  }

  /**
   * The server as a condition of the run: each run's embedded server is a process of its own, and its process id (which
   * its log line and conditions.json keep) would set apart runs whose conditions are the same.
   */
  static String withoutProcessId(String software) {
    return software.replaceFirst("\\(process \\d+, ", "(");
  }
}
