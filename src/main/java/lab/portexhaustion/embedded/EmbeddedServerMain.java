package lab.portexhaustion.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import lab.portexhaustion.process.LoggingDefaults;
import lab.portexhaustion.process.OwnDescriptors;
import lab.portexhaustion.process.ParentProcess;
import lab.portexhaustion.process.ProcessExit;

/**
 * The embedded server as a process of its own (started by the client side's {@code EmbeddedServerProcess}): binds
 * the first free port of those it is given, says so on standard output, then reports its figures
 * there ({@link ServerStatus}) every {@link #STATUS_EVERY} until it ends, with its first failed accept and the first
 * connection its limit refused (each line a {@link ServerReport}). It ends with the process
 * that started it, whatever happens to that one: its standard input reaches end-of-file (the
 * parent closed it, or died and the kernel closed it), or the parent's {@code /proc} entry says it
 * is gone, or a signal asks it to.
 *
 * <p>Its arguments are {@link ServerArguments}; one it cannot read ends it before it listens, with the reason on
 * standard error.
 */
public final class EmbeddedServerMain {

  public static final Duration STATUS_EVERY = Duration.ofMillis(100);

  private EmbeddedServerMain() {}

  public static void main(String[] args) throws Exception {
    LoggingDefaults.apply();
    ServerArguments given;
    try {
      given = ServerArguments.parse(args);
    } catch (IllegalArgumentException refused) {
      System.err.println(refused.getMessage());
      ProcessExit.exit(ProcessExit.Code.SETUP_FAILED);
      return;
    }
    loadLateClasses();
    EmbeddedMongoServer server = new EmbeddedMongoServer(given.limits(), given.monitoring());
    Runtime.getRuntime().addShutdownHook(new Thread(server::close, "embedded-server-close"));
    FreshPorts.bindFirstFree(given.ports(), port -> server.bind(new InetSocketAddress(given.address(), port)));
    say(new ServerReady(server.localAddress().getPort(), ProcessHandle.current().pid(), OwnDescriptors.max(), server.connectionCap()));

    Optional<ParentProcess> parent = given.parentPid().flatMap(ProcessHandle::of).map(ParentProcess::of);
    daemon("embedded-server-stdin", () -> endAtEndOfInput(System.in));
    boolean failureSaid = false;
    boolean refusalSaid = false;
    while (true) {
      if (parent.isEmpty() || parent.get().isGone()) {
        exit("the process that started it is gone");
      }
      say(new ServerStatus(OwnDescriptors.open(), OwnDescriptors.max(), server.openConnections(), server.refusedConnections(),
          server.acceptFailures(), server.idleClosedConnections()));
      AcceptFailure first = server.firstAcceptFailure();
      if (first != null && !failureSaid) {
        say(first);
        failureSaid = true;
      }
      RefusedConnection refused = server.firstRefused();
      if (refused != null && !refusalSaid) {
        say(refused);
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
    for (Class<?> type : List.of(ServerReport.class, AcceptFailure.class, AcceptFailureLog.class, ServerStatus.class,
        ConnectionLimitHandler.class, IdleConnectionCloser.class, StreamingHelloResponder.class, RefusedConnection.class)) {
      try {
        Class.forName(type.getName(), true, type.getClassLoader());
      } catch (ClassNotFoundException e) {
        throw new IllegalStateException(e);
      }
    }
    ServerReport.format(new AcceptFailure(0, new AcceptFailure(0, "java.io.IOException: warm").message()));
    ServerReport.format(new RefusedConnection(0, "warm"));
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

  private static synchronized void say(ServerReport report) {
    System.out.println(ServerReport.format(report));
    System.out.flush();
  }

  private static void daemon(String name, Runnable task) {
    Thread thread = new Thread(task, name);
    thread.setDaemon(true);
    thread.start();
  }

}
