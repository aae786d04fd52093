package lab.portexhaustion.mongod;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.MongoServerError;
import java.util.List;

/**
 * What a standalone mongod refuses because it needs a replica set: transactions and change streams, refused with
 * mongod's codes before mongo-java-server sees the command. Left to mongo-java-server, a transaction's writes were
 * applied at once and its {@code commitTransaction} then failed as an unknown command (an abort left the writes in
 * place), and a change stream failed with "Unknown error: null"; a driver, and the service on it, must meet here the
 * error it meets on a standalone mongod.
 */
final class ReplicaSetOnly {

  private static final String TRANSACTIONS = "Transaction numbers are only allowed on a replica set member or mongos";
  private static final String CHANGE_STREAMS = "The $changeStream stage is only supported on replica sets";

  private ReplicaSetOnly() {}

  /**
   * Refuses {@code command} when a standalone mongod would: any command of a transaction (it carries a
   * {@code txnNumber}; drivers send none outside a transaction to a standalone server, where writes are not retryable),
   * {@code commitTransaction} and {@code abortTransaction}, and an {@code aggregate} that opens a change stream.
   *
   * @throws MongoServerError mongod's error for it: 20 IllegalOperation, or 40573
   */
  static void refuse(String command, Document query) {
    if (query.containsKey("txnNumber") || command.equalsIgnoreCase("commitTransaction")
        || command.equalsIgnoreCase("abortTransaction")) {
      throw MongodError.ILLEGAL_OPERATION.error(TRANSACTIONS);
    }
    if (command.equalsIgnoreCase("aggregate") && query.get("pipeline") instanceof List<?> pipeline && !pipeline.isEmpty()
        && pipeline.get(0) instanceof Document first && first.containsKey("$changeStream")) {
      throw MongodError.CHANGE_STREAM_NEEDS_REPLICA_SET.error(CHANGE_STREAMS);
    }
  }
}
