package lab.portexhaustion.run;

import lab.portexhaustion.record.CleanStartState;
import lab.portexhaustion.record.RunSummary;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import lab.portexhaustion.Plural;
import lab.portexhaustion.config.FleetSettings;
import lab.portexhaustion.config.HarnessSettings;
import lab.portexhaustion.config.Scenario;
import lab.portexhaustion.failure.ErrorKind;
import lab.portexhaustion.measure.ConnectionFigures;
import lab.portexhaustion.measure.LatencyMillis;
import lab.portexhaustion.measure.RunMetrics;
import lab.portexhaustion.model.Prediction;
import lab.portexhaustion.model.Resource;
import lab.portexhaustion.onset.OnsetRecord;
import lab.portexhaustion.sampler.NetworkConditions;
import lab.portexhaustion.sampler.SamplePeaks;
import lab.portexhaustion.target.TargetDescription;
import lab.portexhaustion.verdict.Evidence;
import lab.portexhaustion.verdict.OpenConnectionBound;
import lab.portexhaustion.verdict.Verdict;
import org.HdrHistogram.Histogram;

/** Turns a finished run into its {@link RunSummary}, and that into the console text. */
final class SummaryBuilder {

  /** Everything a summary is made of. */
  record Inputs(String simulation, Scenario scenario, String strategyDetail, HarnessSettings settings,
      Optional<String> batch, TargetDescription target, CleanStartState cleanStart, Instant startedAt, Instant endedAt, RunMetrics metrics,
      long leftInFlight, NetworkConditions network, SamplePeaks peaks, Optional<Long> descriptorLimit, Optional<Prediction> beforeLoad,
      Optional<Prediction> prediction, Optional<String> unit, ConnectionFigures.Figures connectionsOpened, Optional<OnsetRecord> onset,
      Evidence evidence, Verdict verdict) {}

  private SummaryBuilder() {}

  static RunSummary build(Inputs in) {
    double seconds = Math.max(0.001, Duration.between(in.startedAt(), in.endedAt()).toMillis() / 1000.0);
    RunMetrics metrics = in.metrics();
    long ok = metrics.succeededCount();
    long ko = metrics.failedCount();
    RunSummary.Requests requests = new RunSummary.Requests(metrics.startedCount(), ok, ko,
        ok + ko == 0 ? 0 : round(100.0 * ko / (ok + ko)), round(metrics.startedCount() / seconds),
        metrics.peakStartedPerSecond(), in.leftInFlight(), Optional.of(metrics.notBuiltCount()));
    Histogram latency = metrics.okLatencyMicros();
    RunSummary.Latency okLatency = new RunSummary.Latency(
        LatencyMillis.atPercentile(latency, 50), LatencyMillis.atPercentile(latency, 95), LatencyMillis.atPercentile(latency, 99),
        LatencyMillis.max(latency));
    List<RunSummary.ErrorCount> errors = metrics.errorCounts().entrySet().stream()
        .map(e -> new RunSummary.ErrorCount(e.getKey().kind().label(), e.getKey().message(), e.getValue()))
        .toList();
    Optional<Double> portsPerVisit = in.prediction()
        .filter(p -> p.isMeasured() && p.plateau().isEmpty() && p.resource().equals(Resource.EPHEMERAL_PORTS.label()))
        .map(Prediction::perVisit);
    RunSummary.Ports ports = new RunSummary.Ports(in.network().range().size(), in.network().timeWait().toSeconds(), in.peaks(),
        portsPerVisit, portsPerVisit.map(p -> round(in.network().kneeRate(p))));
    RunSummary.Connections connections = new RunSummary.Connections(in.peaks().openTowardTarget(), in.peaks().descriptorsOpen(),
        in.descriptorLimit(), Optional.of(in.target()).filter(t -> t.kind().equals("embedded")).map(t -> in.settings().embedded().describe()),
        OpenConnectionBound.of(in.scenario(), in.settings()).map(OpenConnectionBound::expected));
    ConnectionFigures.Figures figures = in.connectionsOpened();
    RunSummary.ConnectionsOpened opened = new RunSummary.ConnectionsOpened(figures.opened(), figures.peakPerSecond(),
        figures.perVisit(), in.unit(), in.unit().filter(SummaryBuilder::countsOtherThanConnections).flatMap(unit -> figures.unitsPerConnection()));
    String outcome = outcome(in.onset(), in.peaks(), in.network().range().size());
    return new RunSummary(in.simulation(), Optional.of(in.scenario().configName()), in.scenario().strategy().configName(),
        in.strategyDetail(), in.batch(), in.target(), in.settings().reported(), in.cleanStart(), in.startedAt().toString(),
        round(seconds), requests, okLatency, errors, ports, Optional.of(connections), Optional.of(opened), in.beforeLoad(),
        in.prediction().filter(Prediction::isMeasured), in.onset(), outcome, Optional.of(in.evidence()), in.verdict(),
        fleet(in.settings().fleet()));
  }

  /** "exhaustion: ... after 1 request", or the peak utilisation of the range where none came: the summary's last line. */
  static String outcome(Optional<OnsetRecord> onset, SamplePeaks peaks, int rangeSize) {
    return onset.map(o -> "exhaustion: " + o.message() + " after " + o.requestsStarted() + " " + Plural.of(o.requestsStarted(), "request"))
        .orElse(String.format("no exhaustion (peak utilisation %.1f %% of %d %s)", peaks.utilisationPercent(), rangeSize,
            Plural.of(rangeSize, "port")));
  }

  private static Optional<RunSummary.Fleet> fleet(FleetSettings fleet) {
    return fleet.inFleet() ? Optional.of(new RunSummary.Fleet(fleet.client(), fleet.clients(), fleet.start().map(Object::toString),
        fleet.joinInterval().toMillis() / 1000.0)) : Optional.empty();
  }

  static String consoleText(RunSummary s) {
    StringBuilder text = new StringBuilder();
    text.append(String.format("%n=== %s (%s) against %s ===%n", s.simulation(), s.label(), s.target().address()));
    text.append(String.format("requests: %,d started, %,d OK, %,d KO (%.2f %%), %.1f per s over %.1f s, busiest second %,d%n",
        s.requests().started(), s.requests().ok(), s.requests().ko(), s.requests().koPercent(),
        s.requests().meanPerSecond(), s.durationSeconds(), s.requests().peakPerSecond()));
    s.requests().notBuilt().filter(notBuilt -> notBuilt > 0).ifPresent(notBuilt -> text.append(String.format("%,d of the KO could not"
        + " be built for their virtual users, so nothing was sent for them: the simulation's mistake, not the target's ([%s] below)%n",
        notBuilt, ErrorKind.NOT_BUILT.label())));
    if (s.requests().leftInFlight() > 0) {
      text.append(String.format("%,d %s still running when the run ended: left out, as in Gatling's report%n",
          s.requests().leftInFlight(), Plural.of(s.requests().leftInFlight(), "request was", "requests were")));
    }
    text.append(String.format("OK latency ms: p50 %.2f, p95 %.2f, p99 %.2f, max %.2f%n",
        s.okLatencyMillis().p50(), s.okLatencyMillis().p95(), s.okLatencyMillis().p99(), s.okLatencyMillis().max()));
    SamplePeaks p = s.ports().peaks();
    text.append(String.format("ports: range %,d, peak %,d in use toward the target (%.1f %%), peak %,d open and %,d in TIME_WAIT"
            + " toward it, ports per visit %s, knee %s%n",
        s.ports().rangeSize(), p.portsInUseTowardTarget(), p.utilisationPercent(), p.openTowardTarget(), p.timeWaitTowardTarget(),
        s.ports().portsPerVisit().map(String::valueOf).orElse("n/a"),
        s.ports().kneeVisitsPerSecond().map(k -> String.format("%.1f visits/s", k)).orElse("n/a")));
    s.connections().ifPresent(c -> text.append(String.format(
        "connections: peak %,d open toward the target%s; peak %,d of %s descriptors open%s%n",
        c.peakOpenTowardTarget(), c.expectedOpen().map(e -> String.format(" (model: %,.0f)", e)).orElse(""),
        c.peakDescriptorsOpen(), c.descriptorLimit().map(l -> String.format("%,d", l)).orElse("n/a"), serverText(p, c))));
    s.connectionsOpened().ifPresent(o -> text.append(String.format(
        "connections opened: %,d, peak %.1f per s, %s per visit%s%n", o.opened(),
        o.peakPerSecond(), o.perVisit().map(String::valueOf).orElse("n/a"), unitsPerConnectionText(o))));
    for (RunSummary.ErrorCount error : s.errors()) {
      text.append(String.format("KO %,8d  [%s] %s%n", error.count(), error.kind(), error.message()));
    }
    s.prediction().ifPresent(before -> text.append("model before the load: ").append(before.text()).append('\n'));
    s.predictionMeasured().ifPresent(measured -> text.append("model with the measured figure: ").append(measured.text()).append('\n'));
    s.evidence().ifPresent(e -> text.append("pace: ").append(paceText(e.pace())).append('\n'));
    text.append("outcome: ").append(s.outcome());
    return text.toString();
  }

  /** ", 1.46 ports per connection": the modelled units each connection held; nothing where there is no such unit. */
  private static String unitsPerConnectionText(RunSummary.ConnectionsOpened opened) {
    return opened.unit().filter(SummaryBuilder::countsOtherThanConnections)
        .map(unit -> String.format(", %s %ss per connection", opened.unitsPerConnection().map(String::valueOf).orElse("n/a"), unit))
        .orElse("");
  }

  /** Server connection slots are connections: one per connection, always, which says nothing. */
  private static boolean countsOtherThanConnections(String unit) {
    return !unit.equals(Resource.SERVER_CONNECTIONS.unit());
  }

  /** The pace figures, each "n/a" where not measured: what the verdict's evidence check held to its thresholds. */
  static String paceText(Evidence.Pace pace) {
    return String.format("requests at most %s behind the profile; sampler every %s (set %.0f ms), longest gap %s;"
            + " OK-latency p50 %s in the first seconds, %s at most later; CPU %s busy, %s stolen",
        pace.injectionLagSeconds().map(lag -> String.format("%.2f s", lag)).orElse("n/a"),
        pace.samplerIntervalMillis().map(ms -> String.format("%.0f ms", ms)).orElse("n/a"), pace.samplerIntervalSetMillis(),
        pace.samplerLongestGapMillis().map(ms -> String.format("%.0f ms", ms)).orElse("n/a"),
        pace.okLatencyFirstMillis().map(ms -> String.format("%.1f ms", ms)).orElse("n/a"),
        pace.okLatencyLaterMillis().map(ms -> String.format("%.1f ms", ms)).orElse("n/a"),
        pace.cpuBusyPercent().map(p -> String.format("%.0f %%", p)).orElse("n/a"),
        pace.cpuStealPercent().map(p -> String.format("%.1f %%", p)).orElse("n/a"));
  }

  private static double round(double value) {
    return Math.round(value * 100.0) / 100.0;
  }

  /**
   * "; server: peak 426 descriptors open, no connection limit, idle timeout 5.0 s": the server process's own peak, where
   * the harness runs it (what a server-limited scenario models), and its limits; empty for a server it does not run.
   */
  private static String serverText(SamplePeaks peaks, RunSummary.Connections connections) {
    List<String> parts = new ArrayList<>();
    peaks.serverDescriptorsOpen().filter(open -> open >= 0).ifPresent(open -> parts.add(String.format("peak %,d descriptors open", open)));
    connections.serverLimits().ifPresent(parts::add);
    return parts.isEmpty() ? "" : "; server: " + String.join(", ", parts);
  }
}
