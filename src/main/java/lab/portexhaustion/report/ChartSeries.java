package lab.portexhaustion.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lab.portexhaustion.measure.SecondStats;
import lab.portexhaustion.sampler.PortSample;

/**
 * The time series of the comparison's charts, every run on one axis of seconds since its own
 * start (runs ran one after another, so their clocks are aligned at their starts).
 */
record ChartSeries(List<Integer> seconds, int rangeSize, List<Series> ports, List<Series> onsets, List<Series> rates,
    List<Series> latencies) {

  /** One line; a null value is a second without data. */
  record Series(String label, String strategy, List<Double> values) {}

  static ChartSeries of(List<RunResults> runs) {
    int length = 1;
    int range = 0;
    for (RunResults run : runs) {
      for (PortSample p : run.ports()) {
        length = Math.max(length, (int) (p.elapsedMillis() / 1000) + 1);
      }
      length = Math.max(length, run.requests().size());
      range = Math.max(range, run.conditions().rangeSize());
    }
    List<Integer> seconds = new ArrayList<>();
    for (int i = 0; i < length; i++) {
      seconds.add(i);
    }
    List<Series> ports = new ArrayList<>();
    List<Series> onsets = new ArrayList<>();
    List<Series> rates = new ArrayList<>();
    List<Series> latencies = new ArrayList<>();
    for (RunResults run : runs) {
      String strategy = run.summary().strategy();
      Map<String, Double[]> portLines = portLines(run, length);
      portLines.forEach((what, values) -> ports.add(new Series(strategy + ": " + what, strategy, Arrays.asList(values))));
      onsets.add(onset(run, length));
      Double[] started = new Double[length];
      Double[] ok = new Double[length];
      Double[] ko = new Double[length];
      Double[] p50 = new Double[length];
      Double[] p95 = new Double[length];
      Double[] p99 = new Double[length];
      for (SecondStats s : run.requests()) {
        int i = (int) s.second();
        started[i] = (double) s.started();
        ok[i] = (double) s.ok();
        ko[i] = (double) s.ko();
        if (s.ok() > 0) {
          p50[i] = s.p50Millis();
          p95[i] = s.p95Millis();
          p99[i] = s.p99Millis();
        }
      }
      rates.add(new Series(strategy + ": arrivals/s", strategy, Arrays.asList(started)));
      rates.add(new Series(strategy + ": OK/s", strategy, Arrays.asList(ok)));
      rates.add(new Series(strategy + ": KO/s", strategy, Arrays.asList(ko)));
      latencies.add(new Series(strategy + ": p50 ms", strategy, Arrays.asList(p50)));
      latencies.add(new Series(strategy + ": p95 ms", strategy, Arrays.asList(p95)));
      latencies.add(new Series(strategy + ": p99 ms", strategy, Arrays.asList(p99)));
    }
    return new ChartSeries(seconds, range, ports, onsets, rates, latencies);
  }

  /** Ports in use toward the target and TIME_WAIT toward it, from the full samples, one value per second. */
  private static Map<String, Double[]> portLines(RunResults run, int length) {
    Double[] inUse = new Double[length];
    Double[] timeWait = new Double[length];
    for (PortSample p : run.ports()) {
      if (p.isFull()) {
        int i = (int) (p.elapsedMillis() / 1000);
        inUse[i] = (double) p.portsInUseTowardTarget();
        timeWait[i] = (double) p.timeWait();
      }
    }
    Map<String, Double[]> lines = new LinkedHashMap<>();
    lines.put("ports in use", inUse);
    lines.put("TIME_WAIT", timeWait);
    return lines;
  }

  /** A single point at the onset (ports in use then), or no point. */
  private static Series onset(RunResults run, int length) {
    Double[] values = new Double[length];
    var onset = run.summary().onset();
    if (onset != null && onset.portsInUseTowardTarget() != null) {
      values[Math.min(length - 1, (int) onset.elapsedSeconds())] = (double) onset.portsInUseTowardTarget();
    }
    return new Series(run.summary().strategy() + ": onset", run.summary().strategy(), Arrays.asList(values));
  }
}
