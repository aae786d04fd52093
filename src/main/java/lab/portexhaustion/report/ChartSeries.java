package lab.portexhaustion.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import lab.portexhaustion.config.Scenario;
import lab.portexhaustion.measure.SecondStats;
import lab.portexhaustion.onset.OnsetRecord;
import lab.portexhaustion.sampler.PortSample;

/**
 * The time series of the comparison's charts, every run on one axis of seconds since its own
 * start (runs ran one after another, so their clocks are aligned at their starts).
 *
 * @param main the chart of the resource the family runs out of: ports, or connections and descriptors
 */
record ChartSeries(List<Integer> seconds, MainChart main, List<Series> rates, List<Series> latencies) {

  /** One line; a null value is a second without data. {@code scenario} picks its colour. */
  record Series(String label, String scenario, List<Double> values) {}

  /**
   * The resource chart: its lines, a marker per run at its onset, and the limit as a dashed line.
   *
   * @param id the page element it is drawn into
   */
  record MainChart(String id, String title, String yLabel, List<Series> lines, List<Series> onsets, String limitLabel,
      long limit) {}

  static ChartSeries of(Scenario.Family family, List<RunResults> runs) {
    int length = 1;
    for (RunResults run : runs) {
      for (PortSample p : run.ports()) {
        length = Math.max(length, (int) (p.elapsedMillis() / 1000) + 1);
      }
      length = Math.max(length, run.requests().size());
    }
    List<Integer> seconds = new ArrayList<>();
    for (int i = 0; i < length; i++) {
      seconds.add(i);
    }
    MainChart main = family == Scenario.Family.IDLE_CONNECTIONS ? connections(runs, length) : ports(runs, length);
    List<Series> rates = new ArrayList<>();
    List<Series> latencies = new ArrayList<>();
    for (RunResults run : runs) {
      String scenario = RunResults.label(run.summary());
      rates.add(perSecond(run, length, scenario + ": arrivals/s", s -> (double) s.started()));
      rates.add(perSecond(run, length, scenario + ": OK/s", s -> (double) s.ok()));
      rates.add(perSecond(run, length, scenario + ": KO/s", s -> (double) s.ko()));
      latencies.add(perSecond(run, length, scenario + ": p50 ms", s -> s.ok() > 0 ? s.p50Millis() : null));
      latencies.add(perSecond(run, length, scenario + ": p95 ms", s -> s.ok() > 0 ? s.p95Millis() : null));
      latencies.add(perSecond(run, length, scenario + ": p99 ms", s -> s.ok() > 0 ? s.p99Millis() : null));
    }
    return new ChartSeries(seconds, main, rates, latencies);
  }

  /** Ports in use toward the target and TIME_WAIT toward it, from the full samples; the range as the limit. */
  private static MainChart ports(List<RunResults> runs, int length) {
    List<Series> lines = new ArrayList<>();
    List<Series> onsets = new ArrayList<>();
    int range = 0;
    for (RunResults run : runs) {
      String scenario = RunResults.label(run.summary());
      lines.add(fullSamples(run, length, scenario + ": ports in use", p -> p.portsInUseTowardTarget()));
      lines.add(fullSamples(run, length, scenario + ": TIME_WAIT", p -> p.timeWait()));
      onsets.add(onset(run, length, OnsetRecord::portsInUseTowardTarget));
      range = Math.max(range, run.conditions().rangeSize());
    }
    return new MainChart("chart-ports", "Ports in use and TIME_WAIT toward the target", "sockets", lines, onsets,
        "ephemeral range (" + range + " ports)", range);
  }

  /**
   * ESTABLISHED connections toward the target, this process's open descriptors and, where the server is the harness's own
   * process, the server's, with its own limit in its label; this process's descriptor limit as the limit.
   */
  private static MainChart connections(List<RunResults> runs, int length) {
    List<Series> lines = new ArrayList<>();
    List<Series> onsets = new ArrayList<>();
    long limit = 0;
    for (RunResults run : runs) {
      String scenario = RunResults.label(run.summary());
      lines.add(fullSamples(run, length, scenario + ": ESTABLISHED", p -> p.established()));
      lines.add(descriptors(run, length, scenario + ": descriptors open", PortSample::descriptorsOpen));
      serverLimit(run).ifPresent(serverLimit -> lines.add(descriptors(run, length,
          scenario + ": server's descriptors open (its limit " + serverLimit + ")", p -> p.serverDescriptorsOpen() == null ? -1
              : p.serverDescriptorsOpen())));
      onsets.add(onset(run, length, o -> o.descriptorsOpen() < 0 ? null : (int) o.descriptorsOpen()));
      limit = Math.max(limit, run.conditions().descriptorLimit());
    }
    return new MainChart("chart-connections", "Open connections and descriptors", "connections, descriptors", lines, onsets,
        "descriptor limit (" + limit + ")", limit);
  }

  private static Series fullSamples(RunResults run, int length, String label, Function<PortSample, Integer> value) {
    Double[] values = new Double[length];
    for (PortSample p : run.ports()) {
      if (p.isFull()) {
        values[(int) (p.elapsedMillis() / 1000)] = value.apply(p).doubleValue();
      }
    }
    return new Series(label, RunResults.label(run.summary()), Arrays.asList(values));
  }

  /** The server process's descriptor limit, where its samples have one. */
  private static Optional<Long> serverLimit(RunResults run) {
    return run.ports().stream().map(PortSample::serverDescriptorsMax).filter(Objects::nonNull).findFirst();
  }

  /** The highest count of each second: descriptors come with every sample, ten a second by default. */
  private static Series descriptors(RunResults run, int length, String label, ToLongFunction<PortSample> count) {
    Double[] values = new Double[length];
    for (PortSample p : run.ports()) {
      int i = (int) (p.elapsedMillis() / 1000);
      long open = count.applyAsLong(p);
      if (open >= 0 && (values[i] == null || values[i] < open)) {
        values[i] = (double) open;
      }
    }
    return new Series(label, RunResults.label(run.summary()), Arrays.asList(values));
  }

  private static Series perSecond(RunResults run, int length, String label, Function<SecondStats, Double> value) {
    Double[] values = new Double[length];
    for (SecondStats s : run.requests()) {
      values[(int) s.second()] = value.apply(s);
    }
    return new Series(label, RunResults.label(run.summary()), Arrays.asList(values));
  }

  /** A single point at the onset (the chart's measure then), or no point. */
  private static Series onset(RunResults run, int length, Function<OnsetRecord, Integer> value) {
    Double[] values = new Double[length];
    OnsetRecord onset = run.summary().onset();
    if (onset != null && value.apply(onset) != null) {
      values[Math.min(length - 1, (int) onset.elapsedSeconds())] = value.apply(onset).doubleValue();
    }
    String scenario = RunResults.label(run.summary());
    return new Series(scenario + ": onset", scenario, Arrays.asList(values));
  }
}
