package lab.portexhaustion.target;

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
 *     said before the load; null when unknown
 * @param connectionsInUse connections other clients held on the server before the load (current, less the probe's
 *     own); null when unknown
 */
public record TargetDescription(String kind, String software, String serverVersion, String address, String connection, String reason,
    Integer connectionLimit, Integer connectionsInUse) {

  /** A target not probed yet. */
  public TargetDescription(String kind, String software, String serverVersion, String address, String connection, String reason) {
    this(kind, software, serverVersion, address, connection, reason, null, null);
  }

  public TargetDescription withServerVersion(String version) {
    return new TargetDescription(kind, software, version, address, connection, reason, connectionLimit, connectionsInUse);
  }

  /** The same description with what the server said of its connections. */
  public TargetDescription withConnections(Integer limit, Integer inUse) {
    return new TargetDescription(kind, software, serverVersion, address, connection, reason, limit, inUse);
  }

  /** Connection slots the server had free for this client when it was probed; -1 when the server did not say. */
  public int freeConnectionSlots() {
    return connectionLimit == null || connectionsInUse == null ? -1 : Math.max(0, connectionLimit - connectionsInUse);
  }

  public String oneLine() {
    String version = serverVersion.isEmpty() ? "" : ", reports MongoDB " + serverVersion;
    String slots = connectionLimit == null ? "" : String.format(", %,d of %,d connections in use", connectionsInUse, connectionLimit);
    return kind + " target " + address + " (" + software + version + slots + "), " + reason;
  }
}
