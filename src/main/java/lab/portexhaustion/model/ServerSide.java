package lab.portexhaustion.model;

/**
 * What the model needs to know of the server a run talks to.
 *
 * @param sameProcess the server runs in the simulation's own process, so each connection costs it two descriptors
 * @param streamingMonitor the driver's monitor streams its heartbeats (mongod 4.4 and later, monitoring not forced
 *     to poll): each client then opens a round-trip-time connection besides its monitoring connection
 */
public record ServerSide(boolean sameProcess, boolean streamingMonitor) {

  /** Connections one MongoClient opens for monitoring. */
  public int monitoringConnections() {
    return streamingMonitor ? 2 : 1;
  }

  /** Descriptors the process pays for one connection. */
  public int descriptorsPerConnection() {
    return sameProcess ? 2 : 1;
  }
}
