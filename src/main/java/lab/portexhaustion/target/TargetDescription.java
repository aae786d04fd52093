package lab.portexhaustion.target;

import java.util.Optional;

/**
 * What a target says about itself for logs and reports. Holds no credentials.
 *
 * @param kind embedded, container or uri
 * @param software what serves it, e.g. {@code mongo-java-server 1.47.0} or {@code image mongo:8.0}
 * @param serverVersion the MongoDB version the server reports ({@code buildInfo}); empty until probed
 * @param address the endpoint the load goes to, {@code host:port}
 * @param connection the connection string with any password masked
 * @param reason why this target was chosen (relevant for target = auto)
 * @param connectionLimit the most connections the server takes ({@code serverStatus}: current + available), when it
 *     said before the load; empty when unknown
 * @param connectionsInUse connections other clients held on the server before the load (current, less the probe's
 *     own); empty when unknown
 */
public record TargetDescription(String kind, String software, String serverVersion, String address, String connection, String reason,
    Optional<Integer> connectionLimit, Optional<Integer> connectionsInUse) {

  /** A target not probed yet. */
  public TargetDescription(String kind, String software, String serverVersion, String address, String connection, String reason) {
    this(kind, software, serverVersion, address, connection, reason, Optional.empty(), Optional.empty());
  }

  public TargetDescription withServerVersion(String version) {
    return new TargetDescription(kind, software, version, address, connection, reason, connectionLimit, connectionsInUse);
  }

  /** The same description with what the server said of its connections. */
  public TargetDescription withConnections(int limit, int inUse) {
    return new TargetDescription(kind, software, serverVersion, address, connection, reason, Optional.of(limit), Optional.of(inUse));
  }

  /** Connection slots the server had free for this client when it was probed; empty when the server did not say. */
  public Optional<Integer> freeConnectionSlots() {
    return connectionLimit.flatMap(limit -> connectionsInUse.map(inUse -> Math.max(0, limit - inUse)));
  }

  public String oneLine() {
    String version = serverVersion.isEmpty() ? "" : ", reports MongoDB " + serverVersion;
    String slots = connectionLimit.flatMap(limit -> connectionsInUse.map(inUse ->
        String.format(", %,d of %,d connections in use", inUse, limit))).orElse("");
    return kind + " target " + address + " (" + software + version + slots + "), " + reason;
  }
}
