package lab.portexhaustion.embedded;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.MongoServerError;
import java.util.List;

/**
 * Commands mongod 7.0 runs and mongo-java-server cannot, refused with mongod's code 238 {@code NotImplemented} and what
 * to do instead, as an update given as a pipeline is ({@link PipelineUpdates}): {@code explain}, which mongo-java-server
 * answered with 59 "no such command: 'explain'", the answer of a server that has never heard of it; and a capped
 * collection ({@code create} with {@code capped}), which it refused without a code ("Creating capped collections is not
 * yet implemented"), so that a driver reported an error with none. An aggregate's {@code explain} flag, which
 * mongo-java-server passed over (it ran the pipeline), and a {@code dropIndexes} naming a list of indexes, on which it
 * failed with a Java cast error, are refused too. Every driver reports 238 with its name, and none retries it.
 */
final class NotImitated {

  private static final String REAL_MONGOD = "run the workload against a real mongod (target=container or target=uri)";

  private NotImitated() {}

  /**
   * @throws MongoServerError 238 NotImplemented for {@code explain} (a command of its own or an aggregate's flag), a
   *     capped {@code create} and a {@code dropIndexes} given a list of names
   */
  static void refuse(String command, Document query) {
    if (command.equalsIgnoreCase("explain")
        || command.equalsIgnoreCase("aggregate") && EmbeddedBackend.isTrue(query.get("explain"))) {
      throw refused("run explain, where mongod 7.0 does: to see a query's plan, " + REAL_MONGOD);
    }
    if (command.equalsIgnoreCase("dropIndexes") && query.get("index") instanceof List) {
      throw refused("drop the indexes of a list in one command, where mongod 7.0 does: name each in a dropIndexes of its"
          + " own, give \"*\" for every index but _id's, or " + REAL_MONGOD);
    }
    if (command.equalsIgnoreCase("create") && EmbeddedBackend.isTrue(query.get("capped"))) {
      throw refused("make a capped collection, where mongod 7.0 does: leave capped out for an ordinary collection, which"
          + " keeps every document, or " + REAL_MONGOD);
    }
  }

  private static MongoServerError refused(String what) {
    return MongodError.NOT_IMPLEMENTED.error("The embedded server (mongo-java-server) does not " + what);
  }
}
