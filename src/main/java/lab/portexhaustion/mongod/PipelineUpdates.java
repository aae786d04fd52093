package lab.portexhaustion.mongod;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.MongoServerError;
import java.util.List;

/**
 * An update given as an aggregation pipeline ({@code [{$set: ...}]}), which mongod 7.0 runs and mongo-java-server
 * cannot: it failed a {@code findAndModify} or an {@code update} holding one with a Java cast error and no code. Refused
 * here, before any document is touched (an {@code update} with such a statement anywhere writes none of its
 * statements), with mongod's code 238 {@code NotImplemented}: every driver reports its code and name, none retries it,
 * and the message says what to send instead.
 */
final class PipelineUpdates {

  private PipelineUpdates() {}

  /**
   * Refuses {@code query}, a {@code findAndModify} whose {@code update} or an {@code update} one of whose statements'
   * {@code u} is an array.
   *
   * @throws MongoServerError 238 NotImplemented, naming the command
   */
  static void refuse(String command, Document query) {
    if (command.equalsIgnoreCase("findAndModify") && query.get("update") instanceof List<?>) {
      throw refused("findAndModify");
    }
    if (command.equalsIgnoreCase("update") && query.get("updates") instanceof List<?> statements
        && statements.stream().anyMatch(statement -> statement instanceof Document given && given.get("u") instanceof List<?>)) {
      throw refused("update");
    }
  }

  private static MongoServerError refused(String command) {
    return MongodError.NOT_IMPLEMENTED.error("The embedded server (mongo-java-server) does not run an update"
        + " given as a pipeline ([{$set: ...}]) in " + command + ", where mongod 7.0 does: give it as update operators"
        + " ({$set: ...}), or run the workload against a real mongod (target=container or target=uri)");
  }
}
