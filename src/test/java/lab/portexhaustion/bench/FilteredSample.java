package lab.portexhaustion.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import lab.portexhaustion.sampler.FullSample;
import lab.portexhaustion.sampler.NetworkConditions;
import lab.portexhaustion.sampler.NetworkConditionsReader;
import lab.portexhaustion.sampler.PortSample;
import lab.portexhaustion.sampler.PortSampler;
import lab.portexhaustion.sockets.ProcNetTcpTable;
import lab.portexhaustion.sockets.SocketSelection;
import lab.portexhaustion.sockets.SocketTable;
import lab.portexhaustion.sockets.SsOutput;

/**
 * The {@code sampler-filtered} line's measurement, run by {@link FilteredSampleLine} in a network namespace of its
 * own (so that the host's other sockets neither count nor change between the reads compared): a host of
 * {@code hostSockets} TCP sockets, {@code towardTarget} of them toward the target, and one full sample timed three
 * ways on them, interleaved: the sampler's kernel-filtered read, the whole {@code /proc/net/tcp} table it read
 * before, and {@code ss} with the same filter, started as a process. Prints {@link #RESULT} and the figures as JSON.
 *
 * <p>This process is the harness: it holds the target's listener and the client ends toward it, and closes some of
 * them first, into TIME_WAIT. The host's other sockets are loopback connections held by {@link SocketHolder}s
 * ({@code pairs}), both ends on ports below the ephemeral range: a service's connections, none toward the target.
 */
public final class FilteredSample {

  static final String RESULT = "RESULT ";
  // The sample's own CPU time, kernel included: what the sampler's budget (sampler.maxCpuPercent) counts.
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static final int CONNECTIONS_PER_HOLDER = 9_000; // both ends: 18,000 descriptors, under this machine's 20,000
  private static final int FIRST_HOLDER_PORT = 1024;
  private static final int FIRST_CLIENT_PORT = 1100;
  private static final double SHARE_INTO_TIME_WAIT = 0.3;
  private static final int WARM_UP_SAMPLES = 5;

  /** What the line reads back: the socket counts, the timings in ms, and each way's figures. */
  record Result(int hostSockets, int selectedSockets, int towardTarget, List<Double> filteredMillis, List<Double> filteredCpuMillis,
      List<Double> wholeMillis, List<Double> ssMillis, Figures filtered, Figures whole, Figures ss) {}

  /** What a full sample counts from the socket table. */
  record Figures(FullSample.TcpStates towardTarget, FullSample.PortsInUse ports) {

    static Figures of(FullSample sample) {
      return new Figures(sample.towardTarget(), sample.ports());
    }
  }

  private FilteredSample() {}

  /** {@code REPETITIONS HOST_SOCKETS TOWARD_TARGET} */
  public static void main(String[] args) throws Exception {
    int repetitions = Integer.parseInt(args[0]);
    int hostSockets = Integer.parseInt(args[1]);
    int towardTarget = Integer.parseInt(args[2]);
    NetworkConditions conditions = NetworkConditionsReader.read();
    int intoTimeWait = (int) (towardTarget * SHARE_INTO_TIME_WAIT);
    int targetSockets = 1 + towardTarget + (towardTarget - intoTimeWait); // listener, client ends, server ends still open
    List<Process> holders = startHolders((hostSockets - targetSockets) / 2, conditions);
    try (ServerSocket listener = new ServerSocket(0, towardTarget, InetAddress.getLoopbackAddress())) {
      List<Socket> held = connect(listener, towardTarget, intoTimeWait);
      try {
        System.out.println(RESULT + new ObjectMapper().writeValueAsString(measure(repetitions, listener, towardTarget, conditions)));
      } finally {
        for (Socket socket : held) {
          socket.close();
        }
      }
    } finally {
      stop(holders);
    }
  }

  private static Result measure(int repetitions, ServerSocket listener, int towardTarget, NetworkConditions conditions)
      throws IOException {
    InetSocketAddress target = new InetSocketAddress(InetAddress.getLoopbackAddress(), listener.getLocalPort());
    SocketSelection selection = new SocketSelection(target.getPort(), target.getPort(), conditions.range().low(), conditions.range().high());
    String ssFilter = String.format("( dport = :%d ) or ( sport >= :%d and sport <= :%d )", selection.remotePortLow(),
        selection.localPortLow(), selection.localPortHigh());
    SocketTable ss = () -> SsOutput.parse(run("ss", "-Htan", "state", "all", ssFilter));
    SocketTable whole = new ProcNetTcpTable(List.of(Path.of("/proc/net/tcp"), Path.of("/proc/net/tcp6")));
    try (PortSampler viaKernel = sampler(SocketTable.forThisMachine(), target, conditions);
        PortSampler viaProc = sampler(whole, target, conditions);
        PortSampler viaSs = sampler(ss, target, conditions)) {
      for (int i = 0; i < WARM_UP_SAMPLES; i++) {
        viaKernel.snapshot(PortSample.Tier.FULL);
        viaProc.snapshot(PortSample.Tier.FULL);
        viaSs.snapshot(PortSample.Tier.FULL);
      }
      // The figures first, back to back, while the TIME_WAIT sockets are seconds old (they last 60 s).
      Figures filteredFigures = Figures.of(viaKernel.snapshot(PortSample.Tier.FULL));
      Figures ssFigures = Figures.of(viaSs.snapshot(PortSample.Tier.FULL));
      Figures wholeFigures = Figures.of(viaProc.snapshot(PortSample.Tier.FULL));
      int hostSockets = whole.read().size();
      int selected = SocketTable.forThisMachine().narrowedTo(selection).read().size();
      List<Double> filteredMillis = new ArrayList<>();
      List<Double> filteredCpuMillis = new ArrayList<>();
      List<Double> wholeMillis = new ArrayList<>();
      List<Double> ssMillis = new ArrayList<>();
      for (int rep = 0; rep < repetitions; rep++) {
        long cpu = THREADS.getCurrentThreadCpuTime();
        filteredMillis.add(millis(viaKernel));
        filteredCpuMillis.add((THREADS.getCurrentThreadCpuTime() - cpu) / 1_000_000.0);
        wholeMillis.add(millis(viaProc));
        ssMillis.add(millis(viaSs));
      }
      return new Result(hostSockets, selected, towardTarget, filteredMillis, filteredCpuMillis, wholeMillis, ssMillis,
          filteredFigures, wholeFigures, ssFigures);
    }
  }

  private static PortSampler sampler(SocketTable table, InetSocketAddress target, NetworkConditions conditions) {
    return new PortSampler(table, Set.of(target), conditions, Instant.now());
  }

  private static double millis(PortSampler sampler) {
    long start = System.nanoTime();
    sampler.snapshot(PortSample.Tier.FULL);
    return (System.nanoTime() - start) / 1_000_000.0;
  }

  /** {@code count} connections to the listener, the first {@code intoTimeWait} closed client first; returns both ends of the rest. */
  private static List<Socket> connect(ServerSocket listener, int count, int intoTimeWait) throws IOException {
    List<Socket> held = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Socket client = new Socket(InetAddress.getLoopbackAddress(), listener.getLocalPort());
      Socket accepted = listener.accept();
      if (i < intoTimeWait) {
        client.close();
        accepted.close();
      } else {
        held.add(client);
        held.add(accepted);
      }
    }
    return held;
  }

  /** Holders for {@code connections} connections, IPv4 and dual-stack in turn, each from a loopback address of its own. */
  private static List<Process> startHolders(int connections, NetworkConditions conditions) throws IOException {
    if (FIRST_CLIENT_PORT + CONNECTIONS_PER_HOLDER > conditions.range().low()) {
      throw new IllegalStateException("the ephemeral range starts at " + conditions.range().low() + ", below the ports the"
          + " host's other sockets are to use (" + FIRST_CLIENT_PORT + "-" + (FIRST_CLIENT_PORT + CONNECTIONS_PER_HOLDER) + ")");
    }
    List<Process> holders = new ArrayList<>();
    try {
      for (int k = 0, left = connections; left > 0; k++, left -= CONNECTIONS_PER_HOLDER) {
        holders.add(ChildJvm.start(SocketHolder.class.getName(), List.of("pairs", String.valueOf(FIRST_HOLDER_PORT + k),
            "127.0.0." + (2 + k), String.valueOf(FIRST_CLIENT_PORT), String.valueOf(Math.min(left, CONNECTIONS_PER_HOLDER)),
            k % 2 == 0 ? "inet" : "inet6")));
      }
      for (Process holder : holders) {
        String line = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.US_ASCII)).readLine();
        if (line == null || !line.startsWith(SocketHolder.READY)) {
          throw new IOException("a socket holder stopped before it was ready (" + line + ")");
        }
      }
      return holders;
    } catch (IOException | RuntimeException e) {
      stop(holders);
      throw e;
    }
  }

  private static void stop(List<Process> holders) {
    for (Process holder : holders) {
      try {
        holder.getOutputStream().close();
        if (!holder.waitFor(30, TimeUnit.SECONDS)) {
          holder.destroyForcibly();
        }
      } catch (IOException e) {
        holder.destroyForcibly();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        holder.destroyForcibly();
      }
    }
  }

  private static String run(String... command) throws IOException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    byte[] output = process.getInputStream().readAllBytes();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
        process.destroyForcibly();
        throw new IOException(String.join(" ", command) + " failed: " + new String(output, StandardCharsets.US_ASCII));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
    return new String(output, StandardCharsets.US_ASCII);
  }
}
