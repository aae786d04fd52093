package lab.portexhaustion.target;

import com.mongodb.ConnectionString;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.IntPredicate;
import lab.portexhaustion.BuildInfo;
import lab.portexhaustion.Plural;
import lab.portexhaustion.config.EmbeddedMonitoring;
import lab.portexhaustion.embedded.AcceptFailure;
import lab.portexhaustion.embedded.EmbeddedServerMain;
import lab.portexhaustion.embedded.FreshPorts;
import lab.portexhaustion.embedded.RefusedConnection;
import lab.portexhaustion.embedded.ServerArguments;
import lab.portexhaustion.embedded.ServerReady;
import lab.portexhaustion.embedded.ServerReport;
import lab.portexhaustion.embedded.ServerStatus;
import lab.portexhaustion.config.MonitoringMode;
import lab.portexhaustion.config.ServerLimits;
import lab.portexhaustion.model.ServerSide;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded server in a child process of its own ({@link EmbeddedServerMain}, this JVM's
 * classpath), so that its descriptors, its descriptor limit and its failures are its own, as a
 * mongod's are, and the client's figures hold the client's sockets alone. The child ends with
 * this process: its standard input is a pipe this process keeps open (the kernel closes it when
 * this process dies, however it dies), and it watches this process's {@code /proc} entry.
 */
public final class EmbeddedServerProcess extends BaseMongoTarget {

  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedServerProcess.class);
  private static final int PORT_CANDIDATES = 20;
  private static final Duration START_LIMIT = Duration.ofSeconds(20);
  private static final Duration END_WAIT = Duration.ofSeconds(5);
  // A small heap and the serial collector: the server holds a few thousand documents, and starts faster so. The client
  // compiler only: the server lives for one simulation, seconds long, and the optimising compiler's work would not pay
  // back in that time; on two cores it is CPU taken from the client whose onset is being timed (docs/performance.md,
  // "The JIT compiler in a short run").
  private static final List<String> JVM_OPTIONS =
      List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:-UsePerfData", "-Xshare:auto", "-XX:TieredStopAtLevel=1");

  private final Process process;
  private final EmbeddedMonitoring monitoring;
  private final ServerOutput output;
  private final ServerConditions conditions;
  private volatile boolean closing;

  private EmbeddedServerProcess(Process process, EmbeddedMonitoring monitoring, ServerOutput output, ServerConditions conditions,
      ConnectionString connection, InetSocketAddress endpoint, TargetDescription description) {
    super(connection, endpoint, description);
    this.process = process;
    this.monitoring = monitoring;
    this.output = output;
    this.conditions = conditions;
  }

  /**
   * Starts the server process on a port {@code fresh} accepts (see {@link FreshPorts} for why), and waits until it
   * listens.
   *
   * @throws TargetUnavailableException when it does not start: a setup error, no load sent
   */
  public static EmbeddedServerProcess start(String reason, ServerLimits limits, EmbeddedMonitoring monitoring, IntPredicate fresh) {
    List<String> command = new ArrayList<>();
    Optional<String> limitNote = descriptorLimitPrefix(limits, command);
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(JVM_OPTIONS);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(EmbeddedServerMain.class.getName());
    command.addAll(ServerArguments.forThisProcess(FreshPorts.candidates(fresh, PORT_CANDIDATES), limits, monitoring).toArgs());
    long began = System.nanoTime();
    Process process;
    try {
      process = new ProcessBuilder(command).redirectErrorStream(true).start();
    } catch (IOException e) {
      throw new TargetUnavailableException("The embedded server process could not be started (" + e.getMessage() + "), so no load"
          + " was sent. Check that " + command.get(0) + " can be run, or use -Dtarget=uri with a server of your own.");
    }
    ServerOutput output = new ServerOutput(process);
    ServerReady ready = awaitReady(process, output);
    long startMillis = (System.nanoTime() - began) / 1_000_000;
    InetSocketAddress endpoint = new InetSocketAddress("127.0.0.1", ready.port());
    ConnectionString connection = directConnection(endpoint);
    String software = software(BuildInfo.mongoJavaServerVersion(), ready, monitoring, limits, limitNote);
    limitNote.ifPresent(note -> LOG.warn("embedded server: {}", note));
    LOG.info("embedded server process {} listening on {} after {} ms", ready.pid(), address(endpoint), startMillis);
    ServerConditions conditions = new ServerConditions(ready.pid(), ready.descriptorLimit(),
        limits.limitsDescriptors() ? Optional.of(limitNote.isEmpty()) : Optional.empty(), limits.maxIncomingConnections(),
        limits.failureMode().configName(), ready.connectionCap(), limits.idleTimeout().toMillis() / 1000.0, monitoring.configName());
    return new EmbeddedServerProcess(process, monitoring, output, conditions,
        connection, endpoint, new TargetDescription("embedded", software, "", address(endpoint), connection.getConnectionString(), reason));
  }

  /**
   * The target's software line: the server, its settings as set ({@link ServerLimits#describe()}) and what they came to
   * in the process (its connection cap, its descriptor limit), which must not contradict each other.
   */
  static String software(String serverVersion, ServerReady ready, EmbeddedMonitoring monitoring, ServerLimits limits,
      Optional<String> limitNote) {
    String limitText = limits.any() ? ", " + limits.describe() : "";
    String failing = ready.connectionCap() > 0 ? String.format(Locale.ROOT, "at most %d %s", ready.connectionCap(),
        Plural.of(ready.connectionCap(), "connection"))
        : "accepts until its descriptors run out";
    return String.format(Locale.ROOT, "mongo-java-server %s (process %d, %s monitoring%s, fails as %s: %s, descriptor limit %s%s)",
        serverVersion, ready.pid(), monitoring.configName(), limitText, limits.failureMode().configName(), failing,
        ready.descriptorLimit().map(String::valueOf).orElse("unknown"), limitNote.map(n -> ": " + n).orElse(""));
  }

  /**
   * Puts {@code prlimit --nofile=N:N --} before the command where the descriptor limit can be applied so; else returns why it
   * cannot. prlimit (util-linux) sets the limit and then runs the command in its own process, so the pid stays the server's.
   */
  private static Optional<String> descriptorLimitPrefix(ServerLimits limits, List<String> command) {
    if (!limits.limitsDescriptors()) {
      return Optional.empty();
    }
    if (!System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("linux")) {
      return Optional.of("embedded.maxDescriptors=" + limits.maxDescriptors() + " cannot be applied on " + System.getProperty("os.name")
          + " (it needs prlimit, Linux): the server has the limit it inherits");
    }
    Optional<Path> prlimit = onPath("prlimit");
    if (prlimit.isEmpty()) {
      return Optional.of("embedded.maxDescriptors=" + limits.maxDescriptors() + " cannot be applied: prlimit (util-linux) is not on the"
          + " PATH; the server has the limit it inherits");
    }
    command.addAll(List.of(prlimit.get().toString(), "--nofile=" + limits.maxDescriptors() + ":" + limits.maxDescriptors(), "--"));
    return Optional.empty();
  }

  private static Optional<Path> onPath(String program) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      Path candidate = Path.of(dir, program);
      if (Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  private static ServerReady awaitReady(Process process, ServerOutput output) {
    try {
      return output.ready.get(START_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException | ExecutionException e) {
      process.destroyForcibly();
      throw new TargetUnavailableException("The embedded server process did not start within " + START_LIMIT.toSeconds() + " s"
          + (process.isAlive() ? "" : " (it ended)") + ", so no load was sent. What it wrote: " + output.startupText()
          + ". Check the Java installation and the descriptor limit (embedded.maxDescriptors), or use -Dtarget=uri.");
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new TargetUnavailableException("Interrupted while the embedded server process started; no load was sent.");
    }
  }

  /** The server process's id. */
  public long pid() {
    return process.pid();
  }

  /** The server's newest figures (some 100 ms old at most), or empty before the first. */
  @Override
  public Optional<ServerStatus> serverStatus() {
    return Optional.ofNullable(output.status.get());
  }

  @Override
  public Optional<ServerConditions> serverConditions() {
    return Optional.of(conditions);
  }

  /** Called on the output's thread, when the server reports its first failed accept. */
  @Override
  public void onAcceptFailure(Consumer<AcceptFailure> listener) {
    output.acceptFailureListener.set(listener);
  }

  /** The server runs in a process of its own: one descriptor per connection on each side, each side counted alone. */
  @Override
  public ServerSide serverSide(MonitoringMode driverMonitoring) {
    return new ServerSide(false, monitoring == EmbeddedMonitoring.STREAMING && driverMonitoring != MonitoringMode.POLL);
  }

  /**
   * Watches the server process: its end before {@link #close()} is a death, handed to {@code listener} with its exit
   * value (128 + n for signal n) as soon as the JDK reaps it.
   */
  @Override
  public void onDeath(Consumer<ProcessDeath> listener) {
    ProcessDeath.watch(process, () -> closing, listener);
  }

  /** Closes the server's standard input, which ends it; a server that does not end is terminated, then killed. */
  @Override
  public void close() {
    closing = true;
    try {
      process.getOutputStream().close();
      if (!process.waitFor(END_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroy();
        if (!process.waitFor(END_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
          process.destroyForcibly();
        }
      }
    } catch (IOException e) {
      process.destroyForcibly();
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Reads the server's output on a thread of its own (a pipe already open: no new descriptor, so it keeps working when this
   * process has none left): its ready line, its status lines, its first accept failure; anything else goes to this log.
   */
  private static final class ServerOutput {

    private final CompletableFuture<ServerReady> ready = new CompletableFuture<>();
    private final AtomicReference<ServerStatus> status = new AtomicReference<>();
    private final AtomicReference<Consumer<AcceptFailure>> acceptFailureListener = new AtomicReference<>(f -> { });
    private final StringBuilder startup = new StringBuilder();

    ServerOutput(Process process) {
      Thread reader = new Thread(() -> read(process), "embedded-server-output");
      reader.setDaemon(true);
      reader.start();
    }

    private void read(Process process) {
      try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line = in.readLine(); line != null; line = in.readLine()) {
          take(line);
        }
      } catch (IOException | RuntimeException e) {
        LOG.debug("embedded server output: {}", e.toString());
      }
      ready.completeExceptionally(new IOException("the server process ended"));
    }

    private void take(String line) {
      ServerReport report = ServerReport.parse(line).orElse(null);
      if (report instanceof ServerStatus figures) {
        status.set(figures);
      } else if (report instanceof ServerReady listening) {
        ready.complete(listening);
      } else if (report instanceof AcceptFailure failure) {
        acceptFailureListener.get().accept(failure);
      } else if (report instanceof RefusedConnection refused) {
        LOG.info("embedded server: its connection limit refused a connection, the first from {}", refused.from());
      } else if (!ready.isDone()) {
        synchronized (startup) {
          startup.append(startup.length() == 0 ? "" : " | ").append(line);
        }
      } else {
        LOG.info("embedded server: {}", line);
      }
    }

    String startupText() {
      synchronized (startup) {
        return startup.length() == 0 ? "nothing" : startup.toString();
      }
    }
  }
}
