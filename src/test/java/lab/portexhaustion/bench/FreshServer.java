package lab.portexhaustion.bench;

import lab.portexhaustion.target.EmbeddedMongoTarget;

/**
 * One side of one throughput repetition (a bare loop or a harness run) against an embedded server of its own,
 * started empty on a fresh port and closed when the side ends.
 *
 * <p>Why not one server for the whole suite: the product's default operation, {@code insert-then-find}, writes a
 * document per request, and the in-memory server keeps every one of them in the suite's heap. With one server the
 * pooled line held some two million documents by its third repetition and filled the suite's 1 GB heap: back-to-back
 * full collections stalled the server (one third harness repetition fell from 8,800 to 1,965 requests/s, an earlier
 * run's to 124 and 88 on its two sides). Measuring {@code ping} instead would avoid the growth but leave out the
 * write path every product run exercises; an empty server per side keeps the default operation and gives every side
 * the same start. The fresh port also means no side inherits the TIME_WAIT sockets the side before left toward its
 * server (every request of the churn line closes a connection).
 */
final class FreshServer {

  /** What one side runs, given the server's connection string. */
  @FunctionalInterface
  interface Side<T> {
    T run(String mongoUri) throws Exception;
  }

  private FreshServer() {}

  static <T> T run(Side<T> side) throws Exception {
    try (EmbeddedMongoTarget server = EmbeddedMongoTarget.start("benchmark")) {
      return side.run(server.connectionString().getConnectionString());
    }
  }
}
