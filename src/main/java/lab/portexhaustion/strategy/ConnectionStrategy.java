package lab.portexhaustion.strategy;

/** How one request gets its connection, and the request itself. Implementations are thread-safe. */
public interface ConnectionStrategy extends AutoCloseable {

  /** Runs one request, from getting a connection to the reply; throws whatever went wrong. */
  void execute() throws Exception;

  /** What this strategy does per request, for logs and reports. */
  String describe();

  @Override
  void close();
}
