package lab.portexhaustion.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import lab.portexhaustion.config.Scenario;
import lab.portexhaustion.measure.SecondStats;
import lab.portexhaustion.onset.OnsetRecord;
import lab.portexhaustion.sampler.FullSample;
import lab.portexhaustion.sampler.PortSample;

/**
 * The time series of the comparison's charts, every run on one axis of seconds since its own
 * start (runs ran one after another, so their clocks are aligned at their starts). The rates count requests, not
 * visits: a visit of three requests is three.
 *
 * @param main the chart of the resource the family runs out of: ports, or connections and descriptors
 */
record ChartSeries(List<Integer> seconds, MainChart main, List<Series> rates, List<Series> latencies) {

  /**
   * One line; a null value is a second without data, as the page's chart library (uPlot) takes a gap in a line.
   * {@code label} is the run's name in the comparison ({@code run}, see {@link RunNames}) and what the line measures;
   * {@code scenario} picks its colour.
   */
  record Series(String label, String run, String scenario, List<Double> values) {}

  /**
   * The resource chart: its lines, a marker per run at its onset, and the limit as a dashed line.
   *
   * @param id the page element it is drawn into
   */
  record MainChart(String id, String title, String yLabel, List<Series> lines, List<Series> onsets, String limitLabel,
      long limit) {}

  static ChartSeries of(Scenario.Family family, List<RunResults> runs) {
    Map<Path, String> names = RunNames.of(runs);
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
    MainChart main = family == Scenario.Family.IDLE_CONNECTIONS ? connections(runs, names, length) : ports(runs, names, length);
    List<Series> rates = new ArrayList<>();
    List<Series> latencies = new ArrayList<>();
    for (RunResults run : runs) {
      Line line = new Line(run, names.get(run.folder()), length);
      rates.add(line.perSecond("requests started/s", s -> (double) s.started()));
      rates.add(line.perSecond("requests OK/s", s -> (double) s.ok()));
      rates.add(line.perSecond("requests KO/s", s -> (double) s.ko()));
      latencies.add(line.perSecond("p50 ms", s -> s.ok() > 0 ? s.p50Millis() : null));
      latencies.add(line.perSecond("p95 ms", s -> s.ok() > 0 ? s.p95Millis() : null));
      latencies.add(line.perSecond("p99 ms", s -> s.ok() > 0 ? s.p99Millis() : null));
    }
    return new ChartSeries(seconds, main, rates, latencies);
  }

  /** Ports in use toward the target and TIME_WAIT toward it, from the full samples; the range as the limit. */
  private static MainChart ports(List<RunResults> runs, Map<Path, String> names, int length) {
    List<Series> lines = new ArrayList<>();
    List<Series> onsets = new ArrayList<>();
    int range = 0;
    for (RunResults run : runs) {
      Line line = new Line(run, names.get(run.folder()), length);
      lines.add(line.fullSamples("ports in use", full -> full.ports().towardTarget()));
      lines.add(line.fullSamples("TIME_WAIT", full -> full.towardTarget().timeWait()));
      onsets.add(line.onset(o -> Optional.of(o.portsInUseTowardTarget())));
      range = Math.max(range, run.conditions().rangeSize());
    }
    return new MainChart("chart-ports", "Ports in use and TIME_WAIT toward the target", "sockets", lines, onsets,
        "ephemeral range (" + range + " ports)", range);
  }

  /**
   * ESTABLISHED connections toward the target, this process's open descriptors and, where the server is the harness's own
   * process, the server's, with its own limit in its label; this process's descriptor limit as the limit.
   */
  private static MainChart connections(List<RunResults> runs, Map<Path, String> names, int length) {
    List<Series> lines = new ArrayList<>();
    List<Series> onsets = new ArrayList<>();
    long limit = 0;
    for (RunResults run : runs) {
      Line line = new Line(run, names.get(run.folder()), length);
      lines.add(line.fullSamples("ESTABLISHED", full -> full.towardTarget().established()));
      lines.add(line.descriptors("descriptors open", p -> p.totals().descriptors()));
      serverLimit(run).ifPresent(serverLimit -> lines.add(line.descriptors(
          "server's descriptors open (its limit " + serverLimit + ")", p -> p.server().flatMap(PortSample.ServerFigures::descriptors))));
      onsets.add(line.onset(o -> o.descriptorsOpen().filter(n -> n >= 0).map(Long::intValue)));
      limit = Math.max(limit, run.conditions().descriptorLimit().orElse(0L));
    }
    return new MainChart("chart-connections", "Open connections and descriptors", "connections, descriptors", lines, onsets,
        "descriptor limit (" + limit + ")", limit);
  }

  /** The server process's descriptor limit, where its samples have one. */
  private static Optional<Long> serverLimit(RunResults run) {
    return run.ports().stream().flatMap(p -> p.server().flatMap(PortSample.ServerFigures::descriptors).stream()).map(PortSample.Descriptors::max).findFirst();
  }

  /** The lines of one run, each labelled "name: measure", on the comparison's axis of {@code length} seconds. */
  private record Line(RunResults run, String name, int length) {

    private Series fullSamples(String measure, Function<FullSample, Integer> value) {
      Double[] values = new Double[length];
      for (PortSample p : run.ports()) {
        if (p instanceof FullSample full) {
          values[(int) (p.elapsedMillis() / 1000)] = value.apply(full).doubleValue();
        }
      }
      return series(measure, values);
    }

    /** The highest count of each second: descriptors come with every sample, ten a second by default. */
    private Series descriptors(String measure, Function<PortSample, Optional<PortSample.Descriptors>> descriptors) {
      Double[] values = new Double[length];
      for (PortSample p : run.ports()) {
        int i = (int) (p.elapsedMillis() / 1000);
        descriptors.apply(p).map(PortSample.Descriptors::open)
            .filter(open -> values[i] == null || values[i] < open)
            .ifPresent(open -> values[i] = (double) open);
      }
      return series(measure, values);
    }

    private Series perSecond(String measure, Function<SecondStats, Double> value) {
      Double[] values = new Double[length];
      for (SecondStats s : run.requests()) {
        values[(int) s.second()] = value.apply(s);
      }
      return series(measure, values);
    }

    /** A single point at the onset (the chart's measure then), or no point. */
    private Series onset(Function<OnsetRecord, Optional<Integer>> value) {
      Double[] values = new Double[length];
      run.summary().onset().ifPresent(onset -> value.apply(onset)
          .ifPresent(v -> values[Math.min(length - 1, (int) onset.elapsedSeconds())] = v.doubleValue()));
      return series("onset", values);
    }

    private Series series(String measure, Double[] values) {
      return new Series(name + ": " + measure, name, run.summary().label(), Arrays.asList(values));
    }
  }
}
