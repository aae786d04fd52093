package lab.portexhaustion.sampler;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.BitSet;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;
import lab.portexhaustion.embedded.ServerStatus;
import lab.portexhaustion.sockets.SocketEntry;
import lab.portexhaustion.sockets.SocketSelection;
import lab.portexhaustion.sockets.SocketTable;
import lab.portexhaustion.sockets.TcpState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Samples ephemeral-port use in the background, in two tiers: cheap totals often, the full
 * socket table less often (reading it costs tens of milliseconds at 10,000 sockets, docs/background.md,
 * "What watching costs"), and one extra full snapshot on demand when exhaustion starts. Once started,
 * every sample goes to the sink as it is taken; a snapshot taken before (the state before the load)
 * is only kept, as the newest full sample and in the peaks.
 */
public final class PortSampler implements AutoCloseable {

  /** The sampler's own thread: both tiers run on it; the run's first sample and the onset snapshot are taken by the caller. */
  private static final String THREAD_NAME = "harness-port-sampler";

  private static final Logger LOG = LoggerFactory.getLogger(PortSampler.class);
  // Thread CPU time includes the kernel's time writing /proc/net/tcp, the larger part of a full sample.
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  /** CPU the sampler may use beyond its share, as time at that share: see {@link #fullTier}. */
  static final Duration CPU_CREDIT = Duration.ofSeconds(5);

  private final SocketTable table;
  private final CheapTotals totals = new CheapTotals();
  private final Set<InetSocketAddress> targets;
  private final NetworkConditions conditions;
  private final Supplier<Optional<ServerStatus>> server;
  private final Instant start;
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(task -> {
    Thread thread = new Thread(task, THREAD_NAME);
    thread.setDaemon(true);
    return thread;
  });
  private final AtomicReference<FullSample> latestFull = new AtomicReference<>();
  private final AtomicReference<SamplePeaks> peaks = new AtomicReference<>(SamplePeaks.NONE);
  private Consumer<PortSample> sink = sample -> { }; // set by start; read and written under this object's lock
  private volatile boolean stretchLogged;
  // The full tier's CPU so far and when its first scheduled sample began; only the sampler thread reads and writes them.
  private long fullCpuUsed;
  private long wallAtStart = -1;

  /**
   * A sampler that counts as the target's the sockets toward any of {@code targets} (each address and port: every
   * host of a connection string of several, MongoTarget#followed); none where the set is empty.
   */
  public PortSampler(SocketTable table, Set<InetSocketAddress> targets, NetworkConditions conditions, Instant start) {
    this(table, targets, conditions, Optional::empty, start);
  }

  /** As above, with the server process's own figures beside the client's in every sample. */
  public PortSampler(SocketTable table, Set<InetSocketAddress> targets, NetworkConditions conditions,
      Supplier<Optional<ServerStatus>> server, Instant start) {
    // Only the sockets toward the targets' ports and those in the ephemeral range count below: the kernel filters them.
    this.table = table.narrowedTo(selection(targets, conditions.range()));
    this.server = server;
    this.targets = Set.copyOf(targets);
    this.conditions = conditions;
    this.start = start;
  }

  /**
   * Sends every sample from now on to {@code sink}, and starts both tiers on the sampler's own
   * thread. The sampler keeps to {@code maxCpuPercent} of one core: the totals tier runs at its
   * interval whatever it costs, and the full tier has what is left. The first full sample of the
   * tier comes {@code fullEvery} from now; after each, the next waits {@code fullEvery}, or longer
   * if this one's CPU time over the wait would pass that share.
   */
  public synchronized void start(Consumer<PortSample> sink, Duration totalsEvery, Duration fullEvery, double maxCpuPercent) {
    this.sink = sink;
    timer.schedule(() -> fullTier(fullEvery.toNanos(), maxCpuPercent / 100), fullEvery.toNanos(), TimeUnit.NANOSECONDS);
    timer.scheduleAtFixedRate(() -> guarded("totals", () -> take(this::totalsOnly)), totalsEvery.toMillis(),
        totalsEvery.toMillis(), TimeUnit.MILLISECONDS);
  }

  /**
   * One full sample, then the next one scheduled. The cap is a budget for the full tier: since its first sample it may
   * have used {@code maxCpuShare} of the time, plus {@link #CPU_CREDIT} worth of it. The credit pays for the first
   * seconds, when the code is still being compiled and costs several times what it will; over a long run it adds
   * little. The totals tier is not in the budget: it runs at its interval whatever it costs, which is little once
   * compiled (a few hundredths of a percent of a core per read, and a wake-up).
   */
  private void fullTier(long everyNanos, double maxCpuShare) {
    long cpuBefore = THREADS.getCurrentThreadCpuTime();
    if (wallAtStart < 0) {
      wallAtStart = System.nanoTime();
    }
    guarded("full", () -> take(() -> full(PortSample.Tier.FULL)));
    long cost = THREADS.getCurrentThreadCpuTime() - cpuBefore;
    fullCpuUsed += cost;
    long wallSoFar = System.nanoTime() - wallAtStart;
    // The next sample may start once the budget covers what the tier used plus one more sample like this one.
    long budgetWait = (long) ((fullCpuUsed + cost) / maxCpuShare) - CPU_CREDIT.toNanos() - wallSoFar;
    long waitNanos = Math.max(everyNanos, budgetWait);
    if (waitNanos > everyNanos && !stretchLogged) {
      stretchLogged = true;
      LOG.info(String.format("port sampler: one full sample takes %.0f ms of CPU, so full samples come every %.1f s instead of"
          + " %.1f s to keep them within sampler.maxCpuPercent=%s; the totals tier is unchanged",
          cost / 1e6, (waitNanos + cost) / 1e9, everyNanos / 1e9, maxCpuShare * 100));
    }
    if (!timer.isShutdown()) {
      timer.schedule(() -> fullTier(everyNanos, maxCpuShare), waitNanos, TimeUnit.NANOSECONDS);
    }
  }

  /**
   * The sockets toward the targets' ports, from the lowest to the highest (a wider selection costs a little, never a
   * socket), and those in the ephemeral range; with no target, the ephemeral range on both sides, which holds no socket
   * more than the range alone.
   */
  private static SocketSelection selection(Set<InetSocketAddress> targets, EphemeralRange range) {
    int low = targets.stream().mapToInt(InetSocketAddress::getPort).min().orElse(Math.max(1, range.low()));
    int high = targets.stream().mapToInt(InetSocketAddress::getPort).max().orElse(Math.max(1, range.high()));
    return new SocketSelection(low, high, range.low(), range.high());
  }

  /**
   * A full snapshot now, on the caller's thread: the state before the load (taken before {@link #start}, so only
   * kept), or the moment exhaustion starts.
   */
  public FullSample snapshot(PortSample.Tier tier) {
    return take(() -> full(tier));
  }

  /** The newest full sample; empty before the first. */
  public Optional<FullSample> latestFull() {
    return Optional.ofNullable(latestFull.get());
  }

  public SamplePeaks peaks() {
    return peaks.get();
  }

  /**
   * Takes a sample and sends it on in one step under this object's lock: a sample's time is read as it is taken, so
   * the sink gets the samples of both tiers and the onset snapshot, taken on other threads, in the order of their times.
   */
  private synchronized <T extends PortSample> T take(Supplier<T> taking) {
    T sample = taking.get();
    if (sample instanceof FullSample full) {
      latestFull.set(full);
    }
    peaks.updateAndGet(p -> p.with(sample));
    sink.accept(sample);
    return sample;
  }

  private TotalsSample totalsOnly() {
    CheapTotals.TcpTotals tcp = totals.tcpTotals();
    return new TotalsSample(elapsedMillis(), new PortSample.Totals(tcp.timeWait(), tcp.inUse(), conditions.range().size(),
        totals.descriptors()), serverFigures());
  }

  /** The server process's figures, as it last reported them. */
  private Optional<PortSample.ServerFigures> serverFigures() {
    return server.get().map(PortSample.ServerFigures::of);
  }

  private FullSample full(PortSample.Tier tier) {
    CheapTotals.TcpTotals tcp = totals.tcpTotals();
    List<SocketEntry> sockets;
    try {
      sockets = table.read();
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the socket table: " + e.getMessage(), e);
    }
    Map<TcpState, Integer> towardTarget = new EnumMap<>(TcpState.class);
    // Per host: where the OS allocates ports per destination, a local port may serve two of the target's hosts at once.
    Map<InetSocketAddress, BitSet> portsTowardTarget = new HashMap<>();
    BitSet portsAny = new BitSet(65536);
    EphemeralRange range = conditions.range();
    long timeWaitSeen = 0;
    for (SocketEntry s : sockets) {
      int localPort = s.local().getPort();
      boolean inRange = s.state() != TcpState.LISTEN && range.contains(localPort);
      if (inRange) {
        portsAny.set(localPort);
      }
      if (s.state() == TcpState.TIME_WAIT) {
        timeWaitSeen++; // used only without sockstat, that is off Linux, where the table is never narrowed
      }
      if (targets.contains(s.remote())) {
        towardTarget.merge(s.state(), 1, Integer::sum);
        if (inRange) {
          portsTowardTarget.computeIfAbsent(s.remote(), host -> new BitSet(65536)).set(localPort);
        }
      }
    }
    // Toward the target: the ports held toward each host, added up. In use, per destination: the busiest host's, as
    // each host has the whole range to itself.
    int towardTargetPorts = portsTowardTarget.values().stream().mapToInt(BitSet::cardinality).sum();
    int inUse = conditions.portAllocation() == NetworkConditions.PortAllocation.PER_DESTINATION
        ? portsTowardTarget.values().stream().mapToInt(BitSet::cardinality).max().orElse(0)
        : portsAny.cardinality();
    double utilisation = Math.round(1000.0 * inUse / range.size()) / 10.0;
    // Without sockstat, TIME_WAIT is counted in the socket table just read.
    long timeWaitTotal = tcp.timeWait().orElse(timeWaitSeen);
    PortSample.Totals cheap = new PortSample.Totals(Optional.of(timeWaitTotal), tcp.inUse(), range.size(), totals.descriptors());
    FullSample.TcpStates states = new FullSample.TcpStates(count(towardTarget, TcpState.ESTABLISHED),
        count(towardTarget, TcpState.TIME_WAIT), count(towardTarget, TcpState.SYN_SENT), count(towardTarget, TcpState.CLOSE_WAIT),
        count(towardTarget, TcpState.FIN_WAIT1), count(towardTarget, TcpState.FIN_WAIT2), count(towardTarget, TcpState.LAST_ACK),
        otherStates(towardTarget));
    FullSample.PortsInUse ports = new FullSample.PortsInUse(towardTargetPorts, portsAny.cardinality(), utilisation);
    return new FullSample(elapsedMillis(), tier, cheap, states, ports, serverFigures());
  }

  private static int count(Map<TcpState, Integer> byState, TcpState state) {
    return byState.getOrDefault(state, 0);
  }

  private static int otherStates(Map<TcpState, Integer> byState) {
    int other = 0;
    for (Map.Entry<TcpState, Integer> e : byState.entrySet()) {
      switch (e.getKey()) {
        case ESTABLISHED, TIME_WAIT, SYN_SENT, CLOSE_WAIT, FIN_WAIT1, FIN_WAIT2, LAST_ACK -> { }
        default -> other += e.getValue();
      }
    }
    return other;
  }

  private long elapsedMillis() {
    return Duration.between(start, Instant.now()).toMillis();
  }

  private void guarded(String tier, Runnable sample) {
    try {
      sample.run();
    } catch (RuntimeException e) {
      LOG.warn("port sampler ({} tier): {}", tier, e.getMessage());
    }
  }

  /**
   * Stops sampling; a sample under way finishes first. Not interrupted: the sample's listeners append to the run's
   * files, and an interrupt in the middle of a write would close the file and lose the run's last rows.
   */
  @Override
  public void close() {
    timer.shutdown();
    try {
      if (!timer.awaitTermination(5, TimeUnit.SECONDS)) {
        LOG.warn("port sampler: a sample still under way after 5 s; stopping it");
        timer.shutdownNow();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    totals.close();
  }
}
