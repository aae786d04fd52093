package lab.portexhaustion.strategy;

import java.util.concurrent.CompletionStage;
import org.bson.BsonDocument;

/**
 * One bare connection to the server, as the socket strategies hand it to a request. A reply is a stage: complete on
 * return over a blocking socket, complete later, on the connection's event loop, over a Netty channel.
 */
public interface WireExchange {

  /**
   * Sends {@code command} to {@code database} over OP_MSG; the stage completes with the reply's body, or fails with the
   * socket's exception (a reply without ok: 1 is an IOException).
   */
  CompletionStage<BsonDocument> command(String database, BsonDocument command);

  /** The handshake command this server knows: {@code hello}, or the legacy {@code isMaster}. */
  String handshakeCommand();
}
