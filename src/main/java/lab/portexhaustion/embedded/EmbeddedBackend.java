package lab.portexhaustion.embedded;

import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.bson.Document;
import java.time.Instant;
import java.util.function.IntSupplier;

/**
 * mongo-java-server's in-memory backend with mongod's {@code serverStatus.connections}: the connections open now
 * ({@code current}) and, when the server has a connection limit, how many more it takes ({@code available}). A
 * client reads its server's room from these before it connects, against mongod and this server alike.
 * mongo-java-server's own answer has only a fixed {@code current}, and it looks up the host's name, which in a network
 * namespace without a resolver blocks the event loop (and every connection on it) for the resolver's 5 s timeout: the
 * answer here is made without it.
 */
final class EmbeddedBackend extends MemoryBackend {

  private final IntSupplier openConnections;
  private final int connectionLimit;

  /** {@code connectionLimit}: 0 for none, and then no {@code available} is reported. */
  EmbeddedBackend(IntSupplier openConnections, int connectionLimit) {
    this.openConnections = openConnections;
    this.connectionLimit = connectionLimit;
  }

  @Override
  public Document getServerStatus() {
    Document status = new Document("process", "mongo-java-server");
    status.put("pid", ProcessHandle.current().pid());
    status.put("localTime", Instant.now());
    int current = openConnections.getAsInt();
    Document connections = new Document("current", current);
    if (connectionLimit > 0) {
      connections.put("available", Math.max(0, connectionLimit - current));
    }
    status.put("connections", connections);
    status.put("ok", 1.0);
    return status;
  }
}
