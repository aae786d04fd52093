package lab.portexhaustion.strategy;

import com.mongodb.client.MongoClient;
import java.io.IOException;

/**
 * What one request does once its strategy has given it a connection. A strategy with a driver
 * calls {@link #run(MongoClient)}; one without (raw sockets, keep-alive sockets) calls
 * {@link #run(WireExchange)} with the bare connection. Called on a harness worker thread; a
 * failure is thrown as is, so the error classifier sees the driver's or the socket's exception.
 */
public interface RequestWork {

  /** Runs through {@code client}, which the strategy owns: never close it here. */
  void run(MongoClient client);

  /** Runs over one bare connection; {@code wire} sends commands on it and returns the replies. */
  void run(WireExchange wire) throws IOException;
}
