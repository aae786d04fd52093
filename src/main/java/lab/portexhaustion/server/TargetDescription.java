package lab.portexhaustion.server;

/**
 * What a target says about itself for logs and reports. Holds no credentials.
 *
 * @param kind embedded, container or uri
 * @param software what serves it, e.g. {@code mongo-java-server 1.47.0} or {@code image mongo:8.0}
 * @param serverVersion the MongoDB version the server reports ({@code buildInfo}); empty until probed
 * @param address the endpoint the load goes to, {@code host:port}
 * @param connection the connection string with any password masked
 * @param reason why this target was chosen (relevant for target = auto)
 */
public record TargetDescription(String kind, String software, String serverVersion, String address, String connection, String reason) {

  public TargetDescription withServerVersion(String version) {
    return new TargetDescription(kind, software, version, address, connection, reason);
  }

  public String oneLine() {
    String version = serverVersion.isEmpty() ? "" : ", reports MongoDB " + serverVersion;
    return kind + " target " + address + " (" + software + version + "), " + reason;
  }
}
