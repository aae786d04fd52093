package lab.portexhaustion.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import lab.portexhaustion.config.ConfigName;
import lab.portexhaustion.config.EmbeddedMonitoring;
import lab.portexhaustion.config.ServerLimits;
import lab.portexhaustion.process.OwnDescriptors;
import lab.portexhaustion.process.ParentProcess;
import lab.portexhaustion.process.ProcessExit;

/**
 * The embedded server as a process of its own (started by {@link EmbeddedServerProcess}): binds
 * the first free port of those it is given, says so on standard output, then reports its figures
 * there ({@link ServerStatus}) every {@link #STATUS_EVERY} until it ends. It ends with the process
 * that started it, whatever happens to that one: its standard input reaches end-of-file (the
 * parent closed it, or died and the kernel closed it), or the parent's {@code /proc} entry says it
 * is gone, or a signal asks it to.
 *
 * <p>Arguments, as {@code key=value}: {@code ports} (candidates, comma-separated; 0 for any),
 * {@code maxIncomingConnections}, {@code idleTimeoutMillis}, {@code monitoring}, {@code parentPid}, {@code address} (the address to
 * listen on, 127.0.0.1 unless given: scripts/fleet-run gives its bridge address, which the fleet's clients reach).
 */
public final class EmbeddedServerMain {

  public static final String READY = "READY ";
  public static final String ACCEPT_FAILED = "ACCEPT_FAILED ";
  /** The first connection its connection limit refused: when, and from which client address (scripts/fleet-run names the client). */
  public static final String REFUSED_FIRST = "REFUSED_FIRST ";
  public static final Duration STATUS_EVERY = Duration.ofMillis(100);
  private static final String LOOPBACK = "127.0.0.1";

  private EmbeddedServerMain() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> given = new HashMap<>();
    for (String arg : args) {
      String[] kv = arg.split("=", 2);
      given.put(kv[0], kv.length > 1 ? kv[1] : "");
    }
    ServerLimits limits = new ServerLimits(Integer.parseInt(given.getOrDefault("maxIncomingConnections", "0")),
        Duration.ofMillis(Long.parseLong(given.getOrDefault("idleTimeoutMillis", "0"))));
    EmbeddedMonitoring monitoring = ConfigName.parse(EmbeddedMonitoring.class, given.getOrDefault("monitoring", "streaming"))
        .orElseThrow(() -> new IllegalArgumentException("monitoring=" + given.get("monitoring")));
    loadLateClasses();
    EmbeddedMongoServer server = new EmbeddedMongoServer(limits, monitoring);
    Runtime.getRuntime().addShutdownHook(new Thread(server::close, "embedded-server-close"));
    bindFirstFree(server, given.getOrDefault("address", LOOPBACK), given.getOrDefault("ports", "0"));
    say(READY + server.localAddress().getPort() + " " + ProcessHandle.current().pid() + " " + OwnDescriptors.max());

    long parentPid = Long.parseLong(given.getOrDefault("parentPid", "-1"));
    ParentProcess parent = parentPid > 0 ? ProcessHandle.of(parentPid).map(ParentProcess::of).orElse(null) : null;
    daemon("embedded-server-stdin", () -> endAtEndOfInput(System.in));
    boolean failureSaid = false;
    boolean refusalSaid = false;
    while (true) {
      if (parent == null || parent.isGone()) {
        exit("the process that started it is gone");
      }
      say(new ServerStatus(OwnDescriptors.open(), OwnDescriptors.max(), server.openConnections(), server.refusedConnections(),
          server.acceptFailures(), server.idleClosedConnections()).line());
      AcceptFailure first = server.firstAcceptFailure();
      if (first != null && !failureSaid) {
        say(ACCEPT_FAILED + first.epochMillis() + " " + first.error().replace('\n', ' '));
        failureSaid = true;
      }
      RefusedConnection refused = server.firstRefused();
      if (refused != null && !refusalSaid) {
        say(REFUSED_FIRST + refused.epochMillis() + " " + refused.from());
        refusalSaid = true;
      }
      Thread.sleep(STATUS_EVERY.toMillis());
    }
  }

  /**
   * Loads now the classes first needed when descriptors have run out: a class read from a directory (target/classes) takes a
   * descriptor, and at the limit the server would meet NoClassDefFoundError where it should report its failed accept.
   */
  private static void loadLateClasses() {
    for (Class<?> type : List.of(AcceptFailure.class, AcceptFailureLog.class, ServerStatus.class, ConnectionLimitHandler.class,
        IdleConnectionCloser.class, StreamingHelloResponder.class, RefusedConnection.class)) {
      try {
        Class.forName(type.getName(), true, type.getClassLoader());
      } catch (ClassNotFoundException e) {
        throw new IllegalStateException(e);
      }
    }
    new AcceptFailure(0, "warm: " + ACCEPT_FAILED).message();
  }

  private static void bindFirstFree(EmbeddedMongoServer server, String address, String ports) {
    for (int port : Arrays.stream(ports.split(",")).filter(p -> !p.isBlank()).mapToInt(Integer::parseInt).toArray()) {
      try {
        server.bind(new InetSocketAddress(address, port));
        return;
      } catch (Exception portTaken) { // Netty rethrows the checked BindException unchecked
        // In use by someone else: try the next.
      }
    }
    server.bind(new InetSocketAddress(address, 0));
  }

  private static void endAtEndOfInput(InputStream in) {
    byte[] buffer = new byte[256];
    try {
      while (in.read(buffer) >= 0) {
        // nothing is sent on it: it is there to close
      }
    } catch (IOException e) {
      // closed under us: the same as end-of-file
    }
    exit("its standard input was closed");
  }

  /** Ends the process; the shutdown hook closes the server. */
  private static void exit(String why) {
    System.err.println("embedded server process ends: " + why);
    ProcessExit.exit(ProcessExit.Code.DONE);
  }

  private static synchronized void say(String line) {
    System.out.println(line);
    System.out.flush();
  }

  private static void daemon(String name, Runnable task) {
    Thread thread = new Thread(task, name);
    thread.setDaemon(true);
    thread.start();
  }

}
