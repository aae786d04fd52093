package lab.portexhaustion.strategy;

/**
 * How one request gets its connection, and what happens to the connection afterwards. Implementations are
 * thread-safe: the harness's workers call {@link #execute} concurrently.
 */
public interface ConnectionStrategy extends AutoCloseable {

  /** Runs one request's {@code work}, from getting a connection to the last reply; throws whatever went wrong. */
  void execute(RequestWork work) throws Exception;

  /** Whether requests get a driver client ({@link RequestWork#run(com.mongodb.client.MongoClient)}) or a bare connection. */
  boolean usesDriver();

  /** Connections opened so far: its own connects, and those its drivers' events report (see {@link OpenedConnections}). */
  long connectionsOpened();

  /** What this strategy does per request, for logs and reports. */
  String describe();

  @Override
  void close();
}
