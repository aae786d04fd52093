package lab.portexhaustion.model;

/** What a run can run out of, as the model counts it. */
public enum Resource {
  /** Local ports of the ephemeral range, held while a connection is open and for TIME_WAIT after the client closes it. */
  EPHEMERAL_PORTS("ephemeral ports", "port"),
  /** The process's file descriptors: one per open socket (two per connection when the server runs in the same process). */
  DESCRIPTORS("descriptors", "descriptor"),
  /**
   * The server process's file descriptors, one per connection it holds, against its own limit ({@code embedded.maxDescriptors}):
   * where the incident's server ran out. Known only for the embedded server in its own process.
   */
  SERVER_DESCRIPTORS("server's descriptors", "descriptor"),
  /** The server's connection limit, where its {@code serverStatus} says it (mongod's, the embedded server's under a limit). */
  SERVER_CONNECTIONS("server connection slots", "connection");

  private final String label;
  private final String unit;

  Resource(String label, String unit) {
    this.label = label;
    this.unit = unit;
  }

  public String label() {
    return label;
  }

  /** One unit, singular ("port"). */
  public String unit() {
    return unit;
  }
}
