package lab.portexhaustion.strategy;

import com.mongodb.client.MongoClient;
import java.util.concurrent.CompletionStage;

/**
 * What one request does once its strategy has given it a connection. A strategy with a driver
 * calls {@link #run(MongoClient)} on a harness worker thread; one without (raw sockets, keep-alive sockets) calls
 * {@link #run(WireExchange)} with the bare connection, on a worker or on the connection's event loop. A failure is
 * thrown, or fails the stage, as is, so the error classifier sees the driver's or the socket's exception.
 */
public interface RequestWork {

  /** Runs through {@code client}, which the strategy owns: never close it here. */
  void run(MongoClient client);

  /**
   * Runs over one bare connection; {@code wire} sends commands on it. The stage completes once the last reply has been
   * checked; nothing here may block, as it may run on an event loop.
   */
  CompletionStage<Void> run(WireExchange wire);
}
