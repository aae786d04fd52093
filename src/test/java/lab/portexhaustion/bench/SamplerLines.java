package lab.portexhaustion.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import lab.portexhaustion.config.SamplerSettings;
import lab.portexhaustion.config.SettingsLoader;
import lab.portexhaustion.sampler.FullSample;
import lab.portexhaustion.sampler.NetworkConditionsReader;
import lab.portexhaustion.sampler.PortSample;
import lab.portexhaustion.sampler.PortSampler;
import lab.portexhaustion.sockets.SocketTable;

/**
 * The sampler against {@code ss -tan} on the same held sockets (one full sample, timed on both
 * sides), and the sampler thread's CPU time over wall time at its default intervals.
 */
final class SamplerLines {

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static final int WARM_UP_SAMPLES = 3;
  private static final int CPU_REPETITIONS = 3;
  private static final SamplerSettings DEFAULTS = SettingsLoader.load(Map.of(), Path.of("no-harness.conf")).sampler();

  private final int repetitions;
  private final int cpuSeconds;

  SamplerLines(int repetitions, int cpuSeconds) {
    this.repetitions = repetitions;
    this.cpuSeconds = cpuSeconds;
  }

  /** The full sample against ss; then, with {@code withCpuShare}, the CPU share on the same sockets. */
  List<BenchmarkLine> measure(int sockets, boolean withCpuShare) throws Exception {
    List<BenchmarkLine> lines = new ArrayList<>();
    try (HeldSockets held = new HeldSockets(sockets / 2)) {
      String label = String.format("%,d sockets", held.socketCount());
      List<Double> sampler = new ArrayList<>();
      List<Double> ss = new ArrayList<>();
      try (PortSampler portSampler = newSampler(held)) {
        for (int i = 0; i < WARM_UP_SAMPLES; i++) {
          portSampler.snapshot(PortSample.Tier.FULL); // the sampler of a run is compiled after its first samples
        }
        for (int rep = 0; rep < repetitions; rep++) {
          sampler.add(millis(() -> portSampler.snapshot(PortSample.Tier.FULL)));
          ss.add(millis(SamplerLines::ssTan));
        }
      }
      System.out.printf("  full sample at %s: sampler %s ms, ss -tan %s ms%n", label, sampler, ss);
      lines.add(BenchmarkLine.lowerIsBetter("one full sample vs `ss -tan`, " + label, "ms", Spread.of(sampler), Spread.of(ss), 1.5,
          "the sampler asks the kernel for the sockets toward the target's port or holding a port of the ephemeral range (here"
              + " all of them: both ends of these connections are in the range) and counts per state toward the target; ss -tan"
              + " is started as a process and its whole output read"));
      if (withCpuShare) {
        lines.add(cpuShare(held, label));
      }
    }
    return lines;
  }

  /**
   * The sampler thread's CPU time over wall time between the ends of its first and last full
   * sample in the window: whole periods of the full tier, the totals tier's samples within them
   * included. Only the tiers' samples: a run's first full sample is taken on the caller's thread,
   * before the sampler starts.
   */
  private BenchmarkLine cpuShare(HeldSockets held, String label) throws Exception {
    List<Double> shares = new ArrayList<>();
    for (int rep = 0; rep < CPU_REPETITIONS; rep++) {
      List<long[]> fullSampleEnds = new CopyOnWriteArrayList<>(); // {wall nanos, sampler thread CPU nanos}
      Consumer<PortSample> sink = sample -> {
        if (sample instanceof FullSample) { // on the sampler's thread: a sampler that was started sends only the tiers' samples
          fullSampleEnds.add(new long[] {System.nanoTime(), THREADS.getCurrentThreadCpuTime()});
        }
      };
      try (PortSampler sampler = newSampler(held)) {
        sampler.start(sink, DEFAULTS.totalsInterval(), DEFAULTS.fullInterval(), DEFAULTS.maxCpuPercent());
        Thread.sleep(cpuSeconds * 1000L);
      }
      if (fullSampleEnds.size() < 3) {
        throw new IllegalStateException("only " + fullSampleEnds.size() + " full samples in " + cpuSeconds + " s");
      }
      long[] first = fullSampleEnds.get(0);
      long[] last = fullSampleEnds.get(fullSampleEnds.size() - 1);
      shares.add(100.0 * (last[1] - first[1]) / (last[0] - first[0]));
    }
    System.out.printf("  sampler CPU at %s: %s %% of one core%n", label, shares);
    return BenchmarkLine.againstBound(String.format("sampler CPU share at defaults (totals %d ms, full %d ms, at most %s %%), %s",
            DEFAULTS.totalsInterval().toMillis(), DEFAULTS.fullInterval().toMillis(), DEFAULTS.maxCpuPercent(), label),
        "% of one core", Spread.of(shares), 2.0, "the sampler thread's CPU time (ThreadMXBean) over wall time, in whole periods of"
            + " the full tier after its first sample, within " + cpuSeconds + " s per repetition");
  }

  /** A sampler not started: its snapshots go nowhere but to the caller. */
  private static PortSampler newSampler(HeldSockets held) {
    return new PortSampler(SocketTable.forThisMachine(), Set.of(held.endpoint()), NetworkConditionsReader.read(), Instant.now());
  }

  private static void ssTan() {
    try {
      Process ss = new ProcessBuilder("ss", "-tan").redirectErrorStream(true).start();
      byte[] output = ss.getInputStream().readAllBytes();
      if (!ss.waitFor(30, TimeUnit.SECONDS) || ss.exitValue() != 0 || new String(output, StandardCharsets.US_ASCII).isEmpty()) {
        throw new IllegalStateException("ss -tan failed");
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot run ss -tan: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static double millis(Runnable work) {
    long start = System.nanoTime();
    work.run();
    return (System.nanoTime() - start) / 1_000_000.0;
  }
}
