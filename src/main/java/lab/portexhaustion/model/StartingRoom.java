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
 */
public record StartingRoom(int freePorts, Duration timeWait, Optional<Long> freeDescriptors, Optional<Integer> freeServerConnections,
    Optional<Long> freeServerDescriptors) {

  /** Units free of {@code resource}; empty where it has no limit the model knows. */
  public Optional<Long> free(Resource resource) {
    return switch (resource) {
      case EPHEMERAL_PORTS -> Optional.of((long) freePorts);
      case DESCRIPTORS -> freeDescriptors;
      case SERVER_CONNECTIONS -> freeServerConnections.map(Integer::longValue);
      case SERVER_DESCRIPTORS -> freeServerDescriptors;
    };
  }
}
