package lab.portexhaustion.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.sun.management.UnixOperatingSystemMXBean;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import lab.portexhaustion.config.EmbeddedFailureMode;
import lab.portexhaustion.config.EmbeddedMonitoring;
import lab.portexhaustion.config.ServerLimits;
import lab.portexhaustion.embedded.EmbeddedServerMain;
import lab.portexhaustion.embedded.ServerReady;
import lab.portexhaustion.embedded.ServerReport;
import lab.portexhaustion.embedded.ServerStatus;
import lab.portexhaustion.failure.ErrorClassifier;
import lab.portexhaustion.failure.ErrorKind;
import lab.portexhaustion.failure.SocketErrorCapture;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded server as a child process: its start, its own limits and figures, and its end with its parent. */
class EmbeddedServerProcessIT {

  private static final int CONNECTIONS = 200;
  /** Long enough for a pause of a second to show, short enough for a test. */
  private static final Duration AT_THE_LIMIT = Duration.ofSeconds(3);
  /** A limit whose 80 % is more than the server's JVM holds of its own (some 165): the cap comes before its descriptors run out. */
  private static final int MONGOD_DESCRIPTORS = 1000;
  private static final Duration SELECTION_TIMEOUT = Duration.ofSeconds(3);
  /** Linux's USER_HZ, the unit of /proc/<pid>/stat's times. */
  private static final int CLOCK_TICKS = 100;

  @TempDir
  Path folder;
  private static final UnixOperatingSystemMXBean OS = (UnixOperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  @Test
  void startsAsAChildProcessAnswersTheDriverAndEndsWhenClosed() throws Exception {
    Instant began = Instant.now();
    EmbeddedServerProcess server = EmbeddedServerProcess.start("test", ServerLimits.NONE, EmbeddedMonitoring.STREAMING, port -> true);
    Duration startup = Duration.between(began, Instant.now());
    ProcessHandle child = ProcessHandle.of(server.pid()).orElseThrow();
    try (MongoClient client = MongoClients.create(server.connectionString())) {
      assertThat(child.parent().map(ProcessHandle::pid)).contains(ProcessHandle.current().pid());
      assertThat(client.getDatabase("admin").runCommand(new Document("buildInfo", 1)).getString("version")).isNotBlank();
      System.out.println("embedded server process started in " + startup.toMillis() + " ms");
      // Some 0.8 s on an idle machine of this project's kind; the bound leaves room for a loaded one.
      assertThat(startup).as("start of the server process").isLessThan(Duration.ofSeconds(10));
      // The client compiler only: HotSpot names its compiler threads by compiler ("C1 CompilerThre", "C2 CompilerThre").
      assertThat(compilerThreadsOf(server.pid())).as("the server's compiler threads").isNotEmpty()
          .allSatisfy(name -> assertThat(name).startsWith("C1 "));
    } finally {
      server.close();
    }
    assertThat(child.isAlive()).isFalse();
  }

  @Test
  void killingItsParentLeavesNoServerProcessBehind() throws Exception {
    Process parent = new ProcessBuilder(javaCommand(ServerParentMain.class.getName())).redirectErrorStream(true).start();
    try {
      long serverPid = Long.parseLong(awaitLine(parent, "SERVER ").trim());
      ProcessHandle server = ProcessHandle.of(serverPid).orElseThrow();
      assertThat(server.isAlive()).isTrue();

      parent.destroyForcibly(); // SIGKILL: nothing of the parent's own code runs
      parent.waitFor(5, TimeUnit.SECONDS);

      assertThat(server.onExit().completeOnTimeout(null, 10, TimeUnit.SECONDS).get())
          .as("the server process %d, 10 s after its parent was killed", serverPid).isNotNull();
      assertThat(server.isAlive()).isFalse();
    } finally {
      parent.descendants().forEach(ProcessHandle::destroyForcibly);
      parent.destroyForcibly();
    }
  }

  @Test
  void aTerminationSignalEndsIt() throws Exception {
    EmbeddedServerProcess server = EmbeddedServerProcess.start("test", ServerLimits.NONE, EmbeddedMonitoring.STREAMING, port -> true);
    try {
      ProcessHandle child = ProcessHandle.of(server.pid()).orElseThrow();
      assertThat(child.destroy()).as("SIGTERM sent").isTrue();
      assertThat(child.onExit().completeOnTimeout(null, 10, TimeUnit.SECONDS).get()).as("the server, 10 s after SIGTERM").isNotNull();
    } finally {
      server.close();
    }
  }

  @Test
  void theClientCountsItsOwnSocketsAloneAsAgainstAServerThatIsNotItsChild() throws Exception {
    EmbeddedServerProcess child = EmbeddedServerProcess.start("test", ServerLimits.NONE, EmbeddedMonitoring.STREAMING, port -> true);
    long againstChild;
    long serverSide;
    try {
      long serverBefore = awaitStatus(child).descriptorsOpen().orElseThrow();
      AtomicLong serverWhileHeld = new AtomicLong();
      againstChild = descriptorsTakenBy(child.endpoint(), () -> serverWhileHeld.set(
          awaitStatus(child, status -> status.openConnections() >= CONNECTIONS).descriptorsOpen().orElseThrow()));
      serverSide = serverWhileHeld.get() - serverBefore;
    } finally {
      child.close();
    }
    long againstStranger = againstAServerThatIsNotThisProcesssChild();
    long againstSameProcess;
    try (EmbeddedMongoTarget inProcess = EmbeddedMongoTarget.start("test")) {
      againstSameProcess = descriptorsTakenBy(inProcess.endpoint(), () -> { });
    }

    assertThat(againstChild).as("client descriptors for %d connections to its child server", CONNECTIONS)
        .isBetween((long) CONNECTIONS, CONNECTIONS + 10L);
    assertThat(againstChild).as("the same against a server that is not its child").isBetween(againstStranger - 10, againstStranger + 10);
    assertThat(serverSide).as("the server's own descriptors for them").isBetween(CONNECTIONS - 10L, CONNECTIONS + 20L);
    assertThat(againstSameProcess).as("against a server in the same process, both ends are counted")
        .isBetween(2L * CONNECTIONS - 10, 2L * CONNECTIONS + 20);
  }

  @Test
  void itsDescriptorLimitIsItsOwn() throws Exception {
    EmbeddedServerProcess server = EmbeddedServerProcess.start("test", new ServerLimits(0, Duration.ZERO, 256), EmbeddedMonitoring.STREAMING,
        port -> true);
    try {
      assertThat(awaitStatus(server).descriptorsMax()).contains(256L);
      assertThat(server.description().software()).contains("descriptor limit 256");
      assertThat(OS.getMaxFileDescriptorCount()).isNotEqualTo(256);
    } finally {
      server.close();
    }
  }

  @Test
  void aServerThatCannotStartIsASetupErrorThatSaysWhy() {
    // Ten descriptors are too few for a JVM to start.
    assertThatThrownBy(() -> EmbeddedServerProcess.start("test", new ServerLimits(0, Duration.ZERO, 10), EmbeddedMonitoring.STREAMING,
        port -> true))
        .isInstanceOf(TargetUnavailableException.class)
        .hasMessageContaining("The embedded server process did not start")
        .hasMessageContaining("no load was sent");
  }

  @Test
  void atItsDescriptorLimitTheServerWaitsInsteadOfSpinning() throws Exception {
    EmbeddedServerProcess server = EmbeddedServerProcess.start("test", new ServerLimits(0, Duration.ZERO, 256,
        EmbeddedFailureMode.SELECT_SERVER), EmbeddedMonitoring.STREAMING, port -> true);
    List<Socket> sockets = new ArrayList<>();
    try {
      fillUntil(server, sockets, () -> awaitStatus(server).acceptFailures() > 0, 400);
      Thread.sleep(1_000); // past the moment it ran out

      long failuresBefore = server.serverStatus().orElseThrow().acceptFailures();
      long ticksBefore = cpuTicks(server.pid());
      long began = System.nanoTime();
      Thread.sleep(AT_THE_LIMIT.toMillis());
      long failures = server.serverStatus().orElseThrow().acceptFailures() - failuresBefore;
      double seconds = (System.nanoTime() - began) / 1e9;
      double cpuPercent = 100.0 * (cpuTicks(server.pid()) - ticksBefore) / CLOCK_TICKS / seconds;
      System.out.printf("at its descriptor limit, over %.1f s: %d failed accepts, %.1f %% of a core%n", seconds, failures, cpuPercent);

      // Spinning, it failed some 100,000 accepts a second and took most of a core; pausing, one a second.
      assertThat(failures).as("failed accepts in %.1f s at the limit", seconds).isBetween(1L, (long) Math.ceil(seconds) + 2);
      assertThat(cpuPercent).as("the server's CPU at the limit, %% of a core").isLessThan(5.0);
    } finally {
      closeAll(sockets);
      server.close();
    }
  }

  @Test
  void asMongodItRefusesPastEightyPercentOfItsDescriptorsAndTheDriverReadsAClosedConnectionAtOnce() throws Exception {
    assumeTrue(OS.getMaxFileDescriptorCount() > 2 * MONGOD_DESCRIPTORS, "this JVM's descriptor limit is below "
        + 2 * MONGOD_DESCRIPTORS + ": it cannot hold the server's connections");
    EmbeddedServerProcess server = EmbeddedServerProcess.start("test", new ServerLimits(0, Duration.ZERO, MONGOD_DESCRIPTORS),
        EmbeddedMonitoring.STREAMING, port -> true);
    List<Socket> sockets = new ArrayList<>();
    try {
      int cap = server.serverConditions().orElseThrow().connectionCap();
      assertThat(cap).isEqualTo((int) (0.8 * awaitStatus(server).descriptorsMax().orElseThrow()));
      // The driver started once in this JVM before the cap: the second timed below is the closed connection's, not the
      // driver's first class loading on a busy machine.
      try (MongoClient warm = MongoClients.create(server.connectionString())) {
        warm.getDatabase("admin").runCommand(new Document("ping", 1));
      }
      fillUntil(server, sockets, () -> awaitStatus(server).openConnections() >= cap, cap);
      assertThat(awaitStatus(server).refusedConnections()).as("refused while filling").isZero();

      // As the harness's strategies hear the driver: its monitor's socket error, at once and kept for the request's failure.
      AtomicReference<Duration> heard = new AtomicReference<>();
      long created = System.nanoTime();
      SocketErrorCapture monitorError = new SocketErrorCapture((error, at) -> heard.compareAndSet(null,
          Duration.ofNanos(System.nanoTime() - created)));
      Throwable failed;
      try (MongoClient client = MongoClients.create(MongoClientSettings.builder().applyConnectionString(server.connectionString())
          .applyToClusterSettings(b -> b.serverSelectionTimeout(SELECTION_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS))
          .applyToServerSettings(b -> b.addServerListener(monitorError).addServerMonitorListener(monitorError)).build())) {
        failed = catchThrowable(() -> client.getDatabase("admin").runCommand(new Document("ping", 1)));
      }
      monitorError.attachTo(failed);
      assertThat(heard.get()).as("the driver's monitor heard the closed connection before the selection timeout").isNotNull();
      System.out.printf("past the cap of %d: the driver's monitor read a closed connection after %d ms; the request: %s%n", cap,
          heard.get().toMillis(), ErrorClassifier.classify(failed).message());

      assertThat(heard.get()).as("from the client's start to the closed connection").isLessThan(Duration.ofSeconds(1));
      assertThat(failed).as("the request").isNotNull();
      assertThat(ErrorClassifier.classify(failed).kind()).as("%s", failed).isEqualTo(ErrorKind.SERVER_REFUSED);
      assertThat(ErrorClassifier.classify(failed).message()).contains("end of stream");
      assertThat(awaitStatus(server).refusedConnections()).isPositive();
      assertThat(awaitStatus(server).openConnections()).isEqualTo(cap);
    } finally {
      closeAll(sockets);
      server.close();
    }
  }

  /** Connects to {@code server} until {@code done} holds, at most {@code most} times; the sockets stay open. */
  private static void fillUntil(EmbeddedServerProcess server, List<Socket> sockets, Condition done, int most) throws Exception {
    while (!done.holds() && sockets.size() < most) {
      for (int i = 0; i < 50 && sockets.size() < most; i++) {
        Socket socket = new Socket();
        sockets.add(socket);
        try {
          socket.connect(server.endpoint(), 1_000);
        } catch (IOException backlogFull) {
          // Past a full backlog the kernel drops the handshake: the server stopped accepting.
        }
      }
    }
    // The last connections may still wait to be accepted and shown in a status line (each look waits 300 ms).
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    boolean reached = done.holds();
    while (!reached && System.nanoTime() < deadline) {
      reached = done.holds();
    }
    assertThat(reached).as("reached with %d connections", sockets.size()).isTrue();
  }

  private interface Condition {
    boolean holds() throws Exception;
  }

  /** The process's CPU time so far (user + system), in clock ticks: fields 14 and 15 of /proc/<pid>/stat. */
  private static long cpuTicks(long pid) throws IOException {
    String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
  }

  private static void closeAll(List<Socket> sockets) throws IOException {
    for (Socket socket : sockets) {
      socket.close();
    }
  }

  /**
   * The same server main, started through {@code setsid --fork}: its parent is not this process. Its output goes to a file
   * (the JDK closes a child's pipes when the child, here setsid, exits) and its standard input is a FIFO this test holds
   * open for writing; closing it ends the server.
   */
  private long againstAServerThatIsNotThisProcesssChild() throws Exception {
    Path fifo = folder.resolve("stdin");
    Path output = folder.resolve("server.out");
    assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
    // Opening a FIFO blocks until its other end opens: the writer on a thread of its own, the reader as the process starts.
    CompletableFuture<OutputStream> writer = CompletableFuture.supplyAsync(() -> {
      try {
        return Files.newOutputStream(fifo);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
    new ProcessBuilder(prepend(List.of("setsid", "--fork"), javaCommand(EmbeddedServerMain.class.getName(), "ports=0",
        "parentPid=" + ProcessHandle.current().pid()))).redirectInput(fifo.toFile()).redirectErrorStream(true)
        .redirectOutput(output.toFile()).start().waitFor();
    try (OutputStream serverInput = writer.get(10, TimeUnit.SECONDS)) {
      ServerReady ready = awaitReadyIn(output);
      ProcessHandle stranger = ProcessHandle.of(ready.pid()).orElseThrow();
      assertThat(stranger.parent().map(ProcessHandle::pid).orElse(-1L)).isNotEqualTo(ProcessHandle.current().pid());
      return descriptorsTakenBy(new InetSocketAddress("127.0.0.1", ready.port()), () -> { });
    }
  }

  private static ServerReady awaitReadyIn(Path output) throws Exception {
    Instant deadline = Instant.now().plusSeconds(30);
    while (Instant.now().isBefore(deadline)) {
      for (String line : Files.readAllLines(output)) {
        if (ServerReport.parse(line).orElse(null) instanceof ServerReady ready) {
          return ready;
        }
      }
      Thread.sleep(100);
    }
    throw new IOException("no READY line in " + output + " within 30 s: " + Files.readString(output));
  }

  /** This process's descriptors taken by {@link #CONNECTIONS} connections to {@code endpoint}, held open while counted. */
  private static long descriptorsTakenBy(InetSocketAddress endpoint, WhileHeld whileHeld) throws Exception {
    long before = OS.getOpenFileDescriptorCount();
    List<Socket> sockets = new ArrayList<>();
    try {
      for (int i = 0; i < CONNECTIONS; i++) {
        Socket socket = new Socket();
        sockets.add(socket);
        socket.connect(endpoint, 2_000);
      }
      long taken = settledDescriptorCount() - before;
      whileHeld.run();
      return taken;
    } finally {
      for (Socket socket : sockets) {
        socket.close();
      }
    }
  }

  /**
   * This JVM's open descriptors once the server has accepted what was connected: the same count twice 100 ms apart,
   * after at least 300 ms (at most 3 s; a server in this JVM accepts on its own threads, later on a busy machine).
   */
  private static long settledDescriptorCount() throws InterruptedException {
    Thread.sleep(300);
    long count = OS.getOpenFileDescriptorCount();
    for (int looks = 0; looks < 27; looks++) {
      Thread.sleep(100);
      long again = OS.getOpenFileDescriptorCount();
      if (again == count) {
        return count;
      }
      count = again;
    }
    return count;
  }

  private interface WhileHeld {
    void run() throws Exception;
  }

  private static ServerStatus awaitStatus(EmbeddedServerProcess server) throws InterruptedException {
    Thread.sleep(3 * EmbeddedServerMain.STATUS_EVERY.toMillis());
    return server.serverStatus().orElseThrow();
  }

  /** The server's status once {@code until} holds for it, or its last after 5 s (its accepts lag on a busy machine). */
  private static ServerStatus awaitStatus(EmbeddedServerProcess server, Predicate<ServerStatus> until) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    ServerStatus status = awaitStatus(server);
    while (!until.test(status) && System.nanoTime() < deadline) {
      status = awaitStatus(server);
    }
    return status;
  }

  private static String awaitLine(Process process, String prefix) throws IOException {
    BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      if (line.startsWith(prefix)) {
        return line.substring(prefix.length());
      }
    }
    throw new IOException("the process ended without a line starting with '" + prefix + "'");
  }

  /** The names of a process's JIT compiler threads, as {@code /proc/<pid>/task/<tid>/comm} gives them. */
  private static List<String> compilerThreadsOf(long pid) throws IOException {
    List<String> names = new ArrayList<>();
    try (var tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
      for (Path task : tasks.toList()) {
        try {
          String name = Files.readString(task.resolve("comm")).strip();
          if (name.contains("CompilerThre")) {
            names.add(name);
          }
        } catch (NoSuchFileException ended) {
          // The JVM starts and ends compiler threads as its queue grows and shrinks: this one ended after the listing.
        }
      }
    }
    return names;
  }

  private static List<String> javaCommand(String mainClass, String... args) {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
        System.getProperty("java.class.path"), mainClass));
    command.addAll(List.of(args));
    return command;
  }

  private static List<String> prepend(List<String> head, List<String> tail) {
    List<String> all = new ArrayList<>(head);
    all.addAll(tail);
    return all;
  }
}
