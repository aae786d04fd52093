package lab.portexhaustion.target;

import lab.portexhaustion.config.EmbeddedMonitoring;
import lab.portexhaustion.config.MonitoringMode;
import lab.portexhaustion.model.ServerSide;
import com.mongodb.ConnectionString;
import java.net.InetSocketAddress;
import java.util.function.IntPredicate;
import lab.portexhaustion.BuildInfo;
import lab.portexhaustion.config.ServerLimits;
import lab.portexhaustion.embedded.EmbeddedMongoServer;
import lab.portexhaustion.embedded.FreshPorts;

/**
 * mongo-java-server (a MongoDB wire-protocol server on Netty, in memory) on a loopback port,
 * inside this JVM, with the limits the settings give it. Each start takes a fresh port, so
 * TIME_WAIT left toward an earlier run's port never blocks this one (Linux picks ephemeral ports
 * per destination).
 */
public final class EmbeddedMongoTarget extends BaseMongoTarget {

  private static final String LOOPBACK = "127.0.0.1";
  private static final int PORT_CANDIDATES = 5;

  private final EmbeddedMongoServer server;
  private final EmbeddedMonitoring monitoring;

  private EmbeddedMongoTarget(EmbeddedMongoServer server, EmbeddedMonitoring monitoring, ConnectionString connection,
      InetSocketAddress endpoint, TargetDescription description) {
    super(connection, endpoint, description);
    this.server = server;
    this.monitoring = monitoring;
  }

  /** On any free port the OS gives, without limits, streaming as mongod does; for tests. */
  public static EmbeddedMongoTarget start(String reason) {
    return start(reason, ServerLimits.NONE, EmbeddedMonitoring.STREAMING, port -> true);
  }

  /** On a free port that {@code fresh} accepts ({@link FreshPorts} says why), or any free port when none of a few is. */
  public static EmbeddedMongoTarget start(String reason, ServerLimits limits, EmbeddedMonitoring monitoring, IntPredicate fresh) {
    EmbeddedMongoServer server = new EmbeddedMongoServer(limits, monitoring);
    try {
      FreshPorts.bindFirstFree(FreshPorts.candidates(fresh, PORT_CANDIDATES), port -> server.bind(new InetSocketAddress(LOOPBACK, port)));
    } catch (RuntimeException e) {
      server.close();
      throw e;
    }
    InetSocketAddress endpoint = server.localAddress();
    ConnectionString connection = directConnection(endpoint);
    String software = "mongo-java-server " + BuildInfo.mongoJavaServerVersion() + " (" + monitoring.configName() + " monitoring"
        + (limits.any() ? ", " + limits.describe() : "") + ")";
    TargetDescription description = new TargetDescription("embedded", software, "", address(endpoint),
        connection.getConnectionString(), reason);
    return new EmbeddedMongoTarget(server, monitoring, connection, endpoint, description);
  }

  /** Client connections the server holds open now. */
  public int openConnections() {
    return server.openConnections();
  }

  /** Connections the server's connection limit closed on arrival. */
  public long refusedConnections() {
    return server.refusedConnections();
  }

  /** Connections the server closed for being idle. */
  public long idleClosedConnections() {
    return server.idleClosedConnections();
  }

  /**
   * The server runs in this process: two descriptors per connection. The driver streams its heartbeats when
   * the server answers as mongod does ({@code embedded.monitoring=streaming}) and the driver is not told to poll.
   */
  @Override
  public ServerSide serverSide(MonitoringMode driverMonitoring) {
    return new ServerSide(true, monitoring == EmbeddedMonitoring.STREAMING && driverMonitoring != MonitoringMode.POLL);
  }

  @Override
  public void close() {
    server.close();
  }
}
