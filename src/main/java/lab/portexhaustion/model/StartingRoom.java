package lab.portexhaustion.model;

import java.time.Duration;
import java.util.Optional;

/**
 * How much of each resource is free when the load starts, read before the first request.
 *
 * @param freePorts the ephemeral range less the ports already in use
 * @param timeWait how long a closed connection keeps its port
 * @param freeDescriptors the descriptor limit less those open; empty where the OS has no such limit (Windows)
 * @param freeServerConnections the server's connection limit less connections others hold; empty when it has none or
 *     did not say
 * @param freeServerDescriptors the server process's descriptor limit less those it has open; empty where the server is
 *     not the harness's own process
 * @param connectionsOpen connections open toward the target before the load: the run's own client's (a pool's
 *     monitors and first connections), each holding one of the ports in use
 */
public record StartingRoom(int freePorts, Duration timeWait, Optional<Long> freeDescriptors, Optional<Integer> freeServerConnections,
    Optional<Long> freeServerDescriptors, int connectionsOpen) {

  /** A room where no connection was open toward the target before the load. */
  public StartingRoom(int freePorts, Duration timeWait, Optional<Long> freeDescriptors, Optional<Integer> freeServerConnections,
      Optional<Long> freeServerDescriptors) {
    this(freePorts, timeWait, freeDescriptors, freeServerConnections, freeServerDescriptors, 0);
  }

  /** Units free of {@code resource}; empty where it has no limit the model knows. */
  public Optional<Long> free(Resource resource) {
    return switch (resource) {
      case EPHEMERAL_PORTS -> Optional.of((long) freePorts);
      case DESCRIPTORS -> freeDescriptors;
      case SERVER_CONNECTIONS -> freeServerConnections.map(Integer::longValue);
      case SERVER_DESCRIPTORS -> freeServerDescriptors;
    };
  }

  /**
   * Units of {@code resource} in use before the load that a pool's plateau counts as its own: the ports of its open
   * connections. The server's slots are read before the client connects, so none of them is held yet.
   */
  public int heldByTheClient(Resource resource) {
    return resource == Resource.EPHEMERAL_PORTS ? connectionsOpen : 0;
  }
}
