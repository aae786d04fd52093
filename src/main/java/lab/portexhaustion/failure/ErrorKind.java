package lab.portexhaustion.failure;

/** What a failed request ran into. The first three are exhaustion: the client host ran out of something. */
public enum ErrorKind {
  /** No local port left for a new connection (EADDRNOTAVAIL, WSAENOBUFS, WSAEADDRINUSE on connect). */
  EPHEMERAL_PORTS("ephemeral ports", true),
  /** The process or the system ran out of file descriptors (EMFILE, ENFILE). */
  DESCRIPTORS("descriptors", true),
  /** The kernel had no buffer for the socket (ENOBUFS on Linux). */
  KERNEL_BUFFERS("kernel buffers", true),
  /** The server refused, reset or closed the connection before answering. */
  SERVER_REFUSED("server refused", false),
  /** Something took too long; not exhaustion by itself, but often its echo. */
  TIMEOUT("timeout", false),
  /** The harness's own worker queue was full: the load generator, not the target, was the limit. */
  HARNESS_SATURATED("harness saturated", false),
  /**
   * The target answered, but the answer did not pass a check of the simulation's ({@link CheckFailure}): the target was
   * there and answering, so this says nothing of its being lost or of the client's sockets.
   */
  CHECK_FAILED("check failed", false),
  /**
   * The simulation could not build the request for its virtual user (a session attribute no feeder set, a document that is
   * not JSON once filled in): nothing was sent, so it says nothing of the target nor of the client's sockets.
   */
  NOT_BUILT("request not built", false),
  OTHER("other", false);

  private final String label;
  private final boolean exhaustion;

  ErrorKind(String label, boolean exhaustion) {
    this.label = label;
    this.exhaustion = exhaustion;
  }

  public String label() {
    return label;
  }

  public boolean isExhaustion() {
    return exhaustion;
  }
}
