package lab.portexhaustion.strategy;

import java.io.IOException;
import org.bson.BsonDocument;

/** One bare connection to the server, as the socket strategies hand it to a request. */
public interface WireExchange {

  /** Sends {@code command} to {@code database} over OP_MSG and returns the reply's body; a reply without ok: 1 is an IOException. */
  BsonDocument command(String database, BsonDocument command) throws IOException;

  /** The handshake command this server knows: {@code hello}, or the legacy {@code isMaster}. */
  String handshakeCommand();
}
