package lab.portexhaustion.target;

import com.mongodb.ConnectionString;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.IntPredicate;
import lab.portexhaustion.BuildInfo;

/**
 * mongo-java-server (a MongoDB wire-protocol server on Netty, in memory) on a loopback port,
 * inside this JVM. Each start takes a fresh port, so TIME_WAIT left toward an earlier run's
 * port never blocks this one (Linux picks ephemeral ports per destination).
 */
public final class EmbeddedMongoTarget extends BaseMongoTarget {

  private static final String LOOPBACK = "127.0.0.1";
  private static final int FIRST_CANDIDATE_PORT = 1025;
  private static final int PORT_ATTEMPTS = 50;

  private final MongoServer server;

  private EmbeddedMongoTarget(MongoServer server, ConnectionString connection, InetSocketAddress endpoint,
      TargetDescription description) {
    super(connection, endpoint, description);
    this.server = server;
  }

  /** On any free port the OS gives; for tests. */
  public static EmbeddedMongoTarget start(String reason) {
    return start(reason, port -> true);
  }

  /**
   * On a free port that {@code fresh} accepts, so that nothing an earlier run left toward it
   * (TIME_WAIT) is in the way and the listener takes no client port of the ephemeral range: the
   * seed story's advice to give a server a port outside the range. Falls back to any free port
   * after a few tries.
   */
  public static EmbeddedMongoTarget start(String reason, IntPredicate fresh) {
    MongoServer server = new MongoServer(new MemoryBackend());
    bindFresh(server, fresh);
    InetSocketAddress endpoint = server.getLocalAddress();
    ConnectionString connection = directConnection(endpoint);
    TargetDescription description = new TargetDescription("embedded", "mongo-java-server " + BuildInfo.mongoJavaServerVersion(),
        "", address(endpoint), connection.getConnectionString(), reason);
    return new EmbeddedMongoTarget(server, connection, endpoint, description);
  }

  private static void bindFresh(MongoServer server, IntPredicate fresh) {
    for (int attempt = 0; attempt < PORT_ATTEMPTS; attempt++) {
      int candidate = ThreadLocalRandom.current().nextInt(FIRST_CANDIDATE_PORT, 65536);
      if (fresh.test(candidate)) {
        try {
          server.bind(LOOPBACK, candidate);
          return;
        } catch (RuntimeException portTaken) {
          // In use by someone else: try another.
        }
      }
    }
    server.bind(LOOPBACK, 0);
  }

  @Override
  public void close() {
    server.shutdownNow();
  }
}
