package lab.portexhaustion.report;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import lab.portexhaustion.measure.IntervalSink;
import lab.portexhaustion.measure.LatencyMillis;
import lab.portexhaustion.measure.SecondStats;
import lab.portexhaustion.record.RunSummary;
import lab.portexhaustion.sampler.FullSample;
import lab.portexhaustion.sampler.PortSample;
import lab.portexhaustion.sampler.SamplePeaks;
import org.HdrHistogram.Histogram;

/**
 * Merges runs made anywhere into one timeline of wall-clock seconds. A run's second n (row n of its requests.csv,
 * interval n of its requests.hlog) is placed at the wall-clock second nearest to its start, plus n, so runs of
 * different machines line up within half a second of their clocks' agreement. Counts are summed; each merged second's
 * latencies are the runs' intervals of that second added together, and the merge's total is every interval added
 * together: percentiles of the merged histograms, exact to HdrHistogram's 3 significant digits, never averages of
 * percentiles. Ports, connections and descriptors are summed over the clients running in a second: clients of one target,
 * as {@link MergeTarget} holds them before a merge is written.
 */
final class RunMerger {

  private static final int SIGNIFICANT_DIGITS = 3;

  private RunMerger() {}

  /** Where the merged seconds' OK latencies go, told first where the merged timeline starts. */
  interface MergedIntervals extends IntervalSink {
    void start(long firstEpochSecond);
  }

  /** One run on the merged timeline, with its resources per second of its own. */
  private record Track(String name, RunResults run, long startSecond, int length, int[] ports, int[] open, long[] descriptors) {

    static Track of(String name, RunResults run) throws IOException {
      long startMillis = Instant.parse(run.summary().startedAt()).toEpochMilli();
      SecondPeaks peaks = new SecondPeaks(run.requests().size());
      run.eachSample(peaks::add);
      int length = Math.max(run.requests().size(), peaks.seconds);
      peaks.fillGaps(length);
      return new Track(name, run, Math.floorDiv(startMillis + 500, 1000), length, Arrays.copyOf(peaks.ports, length),
          Arrays.copyOf(peaks.open, length), Arrays.copyOf(peaks.descriptors, length));
    }
  }

  /** A run's samples reduced to one figure per second: the largest of the samples in it. */
  private static final class SecondPeaks {
    int seconds;
    int[] ports;
    int[] open;
    long[] descriptors;
    boolean[] sampled;
    boolean[] full;

    SecondPeaks(int expectedSeconds) {
      resize(Math.max(1, expectedSeconds));
    }

    private void resize(int size) {
      ports = ports == null ? new int[size] : Arrays.copyOf(ports, size);
      open = open == null ? new int[size] : Arrays.copyOf(open, size);
      descriptors = descriptors == null ? new long[size] : Arrays.copyOf(descriptors, size);
      sampled = sampled == null ? new boolean[size] : Arrays.copyOf(sampled, size);
      full = full == null ? new boolean[size] : Arrays.copyOf(full, size);
    }

    void add(PortSample s) {
      int k = (int) (s.elapsedMillis() / 1000);
      if (k >= ports.length) {
        resize(Math.max(k + 1, 2 * ports.length));
      }
      seconds = Math.max(seconds, k + 1);
      descriptors[k] = Math.max(descriptors[k], s.totals().descriptors().map(PortSample.Descriptors::open).orElse(0L));
      sampled[k] = true;
      if (s instanceof FullSample f) {
        ports[k] = Math.max(ports[k], f.ports().towardTarget());
        open[k] = Math.max(open[k], f.towardTarget().open());
        full[k] = true;
      }
    }

    /** A second without a sample holds what the last sample before it saw. */
    void fillGaps(int length) {
      if (length > ports.length) {
        resize(length);
      }
      for (int k = 1; k < length; k++) {
        if (!sampled[k]) {
          descriptors[k] = descriptors[k - 1];
        }
        if (!full[k]) {
          ports[k] = ports[k - 1];
          open[k] = open[k - 1];
        }
      }
    }
  }

  /**
   * Merges {@code runs}, named {@code names}; each merged second's OK latencies go to {@code intervals} as the merge
   * reaches it (second 0 is {@link MergedRuns#firstSecond()}).
   */
  static MergedRuns merge(List<String> names, List<RunResults> runs, MergedIntervals intervals) throws IOException {
    List<Track> tracks = tracks(names, runs);
    long first = tracks.stream().mapToLong(Track::startSecond).min().orElseThrow();
    long last = tracks.stream().mapToLong(t -> t.startSecond() + t.length() - 1).max().orElseThrow();
    intervals.start(first);
    Histogram allLatencies = new Histogram(SIGNIFICANT_DIGITS);
    List<MergedRuns.Second> perSecond = seconds(tracks, first, last, intervals, allLatencies);
    List<MergedRuns.Client> clients = tracks.stream().map(t -> client(t, first)).toList();
    return new MergedRuns(first, Instant.ofEpochSecond(first).toString(), clients, total(clients, perSecond, allLatencies), perSecond,
        MergedFleet.verdict(runs));
  }

  /** Each run on the merged timeline, sorted by name. */
  private static List<Track> tracks(List<String> names, List<RunResults> runs) throws IOException {
    List<Track> tracks = new ArrayList<>();
    for (int i = 0; i < runs.size(); i++) {
      tracks.add(Track.of(names.get(i), runs.get(i)));
    }
    tracks.sort(Comparator.comparing(Track::name));
    return tracks;
  }

  /**
   * The merged timeline from wall-clock second {@code first} to {@code last}, reading every run's requests.hlog once, in
   * order: each second's latencies go to {@code intervals} and are added into {@code allLatencies}.
   */
  private static List<MergedRuns.Second> seconds(List<Track> tracks, long first, long last, MergedIntervals intervals,
      Histogram allLatencies) throws IOException {
    Histogram latencies = new Histogram(SIGNIFICANT_DIGITS);
    List<MergedRuns.Second> perSecond = new ArrayList<>();
    try (LatencyMerge logs = new LatencyMerge(tracks.stream().map(t -> t.run().folder().resolve("harness/requests.hlog")).toList(),
        tracks.stream().map(Track::startSecond).toList())) {
      for (long w = first; w <= last; w++) {
        latencies.reset();
        logs.addUpTo(w, latencies);
        allLatencies.add(latencies);
        intervals.interval(w - first, latencies);
        perSecond.add(second(tracks, w, w - first, latencies));
      }
      Optional<Integer> left = logs.firstWithIntervalsLeft();
      if (left.isPresent()) {
        throw new IOException(tracks.get(left.get()).run().folder() + ": requests.hlog has more seconds than its requests.csv and ports.csv");
      }
    }
    return perSecond;
  }

  /** Wall-clock second {@code w}: the counts and resources of the clients running in it, summed, and its latencies. */
  private static MergedRuns.Second second(List<Track> tracks, long w, long sinceFirst, Histogram latencies) {
    long started = 0;
    long ok = 0;
    long ko = 0;
    int running = 0;
    int ports = 0;
    int open = 0;
    long descriptors = 0;
    for (Track t : tracks) {
      int k = (int) (w - t.startSecond());
      if (k < 0 || k >= t.length()) {
        continue;
      }
      running++;
      if (k < t.run().requests().size()) {
        SecondStats row = t.run().requests().get(k);
        started += row.started();
        ok += row.ok();
        ko += row.ko();
      }
      ports += t.ports()[k];
      open += t.open()[k];
      descriptors += t.descriptors()[k];
    }
    return new MergedRuns.Second(sinceFirst, started, ok, ko, LatencyMillis.atPercentile(latencies, 50), LatencyMillis.atPercentile(latencies, 95), LatencyMillis.atPercentile(latencies, 99),
        running, ports, open, descriptors);
  }

  private static MergedRuns.Client client(Track t, long first) {
    RunSummary s = t.run().summary();
    Optional<MergedRuns.Onset> onset = s.onset().map(o -> new MergedRuns.Onset(t.name(), o.at(),
        round3(Instant.parse(o.at()).toEpochMilli() / 1000.0 - first), o.elapsedSeconds(), o.requestsStarted(), o.kind(), o.code(),
        o.message()));
    // Runs recorded before the summary had its connections: the limit from the conditions; before null, unknown was -1.
    Optional<Long> descriptorLimit = s.connections().map(RunSummary.Connections::descriptorLimit)
        .orElse(t.run().conditions().descriptorLimit()).filter(limit -> limit >= 0);
    SamplePeaks peaks = s.ports().peaks();
    return new MergedRuns.Client(
        new MergedRuns.Run(t.name(), s.simulation(), s.label(), s.startedAt(), t.startSecond() - first, s.durationSeconds()),
        new MergedRuns.Requests(s.requests().started(), s.requests().ok(), s.requests().ko()),
        new MergedRuns.Latency(s.okLatencyMillis().p50(), s.okLatencyMillis().p95(), s.okLatencyMillis().p99(), s.okLatencyMillis().max()),
        s.ports().rangeSize(),
        new MergedRuns.Peaks(peaks.portsInUseTowardTarget(), peaks.openTowardTarget(), peaks.descriptorsOpen()),
        descriptorLimit, onset, s.verdict().line());
  }

  /** All clients together: their counts summed, the merged latencies, the peaks of the per-second sums, the first onset. */
  private static MergedRuns.Total total(List<MergedRuns.Client> clients, List<MergedRuns.Second> perSecond, Histogram allLatencies) {
    List<MergedRuns.Onset> onsets = clients.stream().flatMap(c -> c.onset().stream())
        .sorted(Comparator.comparingDouble(MergedRuns.Onset::sinceFirstSecond)).toList();
    long started = clients.stream().mapToLong(c -> c.requests().started()).sum();
    long ok = clients.stream().mapToLong(c -> c.requests().ok()).sum();
    long ko = clients.stream().mapToLong(c -> c.requests().ko()).sum();
    MergedRuns.Latency latency = new MergedRuns.Latency(LatencyMillis.atPercentile(allLatencies, 50), LatencyMillis.atPercentile(allLatencies, 95), LatencyMillis.atPercentile(allLatencies, 99),
        LatencyMillis.max(allLatencies));
    MergedRuns.Peaks peaks = new MergedRuns.Peaks(
        perSecond.stream().mapToInt(MergedRuns.Second::portsInUseTowardTarget).max().orElse(0),
        perSecond.stream().mapToInt(MergedRuns.Second::openTowardTarget).max().orElse(0),
        perSecond.stream().mapToLong(MergedRuns.Second::descriptorsOpen).max().orElse(0));
    return new MergedRuns.Total(clients.size(), new MergedRuns.Requests(started, ok, ko),
        ok + ko == 0 ? 0 : round(100.0 * ko / (ok + ko)), perSecond.stream().mapToLong(MergedRuns.Second::started).max().orElse(0),
        latency, peaks, onsets.size(), onsets.stream().findFirst());
  }

  /**
   * Names the runs by their folders relative to the folder that holds them all ({@code client-0/pooledsimulation-...}),
   * so that runs copied from several machines under one folder each keep telling apart.
   */
  static List<String> names(List<Path> folders) {
    List<Path> absolute = folders.stream().map(f -> f.toAbsolutePath().normalize()).toList();
    Path common = absolute.get(0).getParent();
    for (Path folder : absolute) {
      while (common != null && !folder.startsWith(common)) {
        common = common.getParent();
      }
    }
    Path root = common;
    return absolute.stream().map(f -> root == null ? f.toString() : root.relativize(f).toString().replace('\\', '/')).toList();
  }

  private static double round(double value) {
    return Math.round(value * 100) / 100.0;
  }

  private static double round3(double value) {
    return Math.round(value * 1000) / 1000.0;
  }
}
