package lab.portexhaustion.model;

import java.time.Duration;

/**
 * How much of each resource is free when the load starts, read before the first request.
 *
 * @param freePorts the ephemeral range less the ports already in use
 * @param timeWait how long a closed connection keeps its port
 * @param freeDescriptors the descriptor limit less those open; negative where the OS has no such limit (Windows)
 * @param freeServerConnections the server's connection limit less connections others hold; negative when it has none or
 *     did not say
 * @param freeServerDescriptors the server process's descriptor limit less those it has open; negative where the server is
 *     not the harness's own process
 */
public record StartingRoom(int freePorts, Duration timeWait, long freeDescriptors, int freeServerConnections,
    long freeServerDescriptors) {

  /** Where the server's descriptors are not known. */
  public StartingRoom(int freePorts, Duration timeWait, long freeDescriptors, int freeServerConnections) {
    this(freePorts, timeWait, freeDescriptors, freeServerConnections, -1);
  }

  /** Units free of {@code resource}, or -1 where it has no limit the model knows. */
  public long free(Resource resource) {
    return switch (resource) {
      case EPHEMERAL_PORTS -> freePorts;
      case DESCRIPTORS -> freeDescriptors;
      case SERVER_CONNECTIONS -> freeServerConnections;
      case SERVER_DESCRIPTORS -> freeServerDescriptors;
    };
  }
}
