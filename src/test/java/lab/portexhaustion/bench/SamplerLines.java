package lab.portexhaustion.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import lab.portexhaustion.config.SamplerSettings;
import lab.portexhaustion.config.SettingsLoader;
import java.util.concurrent.TimeUnit;
import lab.portexhaustion.sampler.NetworkConditionsReader;
import lab.portexhaustion.sampler.PortSampler;
import lab.portexhaustion.sockets.SocketTable;

/**
 * The sampler against {@code ss -tan} on the same held sockets (one full sample, timed on both
 * sides), and the sampler thread's CPU time over wall time at its default intervals.
 */
final class SamplerLines {

  private static final String SAMPLER_THREAD = "harness-port-sampler";
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
          portSampler.snapshot("warm-up"); // the sampler of a run is compiled after its first samples
        }
        for (int rep = 0; rep < repetitions; rep++) {
          sampler.add(millis(() -> portSampler.snapshot("benchmark")));
          ss.add(millis(SamplerLines::ssTan));
        }
      }
      System.out.printf("  full sample at %s: sampler %s ms, ss -tan %s ms%n", label, sampler, ss);
      lines.add(BenchmarkLine.lowerIsBetter("one full sample vs `ss -tan`, " + label, "ms", Spread.of(sampler), Spread.of(ss), 1.5,
          "the sampler reads /proc/net/tcp and tcp6 and counts per state toward the target; ss -tan is started as a process and"
              + " its whole output read"));
      if (withCpuShare) {
        lines.add(cpuShare(held, label));
      }
    }
    return lines;
  }

  private BenchmarkLine cpuShare(HeldSockets held, String label) throws Exception {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    List<Double> shares = new ArrayList<>();
    for (int rep = 0; rep < CPU_REPETITIONS; rep++) {
      try (PortSampler sampler = newSampler(held)) {
        // From the start, first full sample included, over a window long enough to hold many full samples at their
        // stretched interval: a short window catches a whole sample more or less and swings by a quarter.
        long wallBefore = System.nanoTime();
        sampler.start(DEFAULTS.totalsInterval(), DEFAULTS.fullInterval(), DEFAULTS.maxCpuPercent());
        long id = samplerThreadId();
        Thread.sleep(cpuSeconds * 1000L);
        shares.add(100.0 * threads.getThreadCpuTime(id) / (System.nanoTime() - wallBefore));
      }
    }
    System.out.printf("  sampler CPU at %s: %s %% of one core%n", label, shares);
    return BenchmarkLine.againstBound(String.format("sampler CPU share at defaults (totals %d ms, full %d ms, at most %s %% for the full"
            + " tier), %s", DEFAULTS.totalsInterval().toMillis(), DEFAULTS.fullInterval().toMillis(), DEFAULTS.maxCpuPercent(), label),
        "% of one core",
        Spread.of(shares), 2.0, cpuSeconds + " s per repetition, the sampler thread's CPU time (ThreadMXBean) over wall time");
  }

  private static PortSampler newSampler(HeldSockets held) {
    return new PortSampler(SocketTable.forThisMachine(), held.endpoint(), NetworkConditionsReader.read(), sample -> { },
        Instant.now());
  }

  private static long samplerThreadId() {
    return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals(SAMPLER_THREAD)).findFirst()
        .orElseThrow(() -> new IllegalStateException("no " + SAMPLER_THREAD + " thread")).getId();
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
