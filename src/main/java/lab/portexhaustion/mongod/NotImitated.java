package lab.portexhaustion.mongod;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.MongoServerError;
import de.bwaldvogel.mongo.exception.MongoServerException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Commands mongod 7.0 runs and mongo-java-server cannot, refused with mongod's code 238 {@code NotImplemented} and what
 * to do instead, as an update given as a pipeline is ({@link PipelineUpdates}): {@code explain}, which mongo-java-server
 * answered with 59 "no such command: 'explain'", the answer of a server that has never heard of it; and a capped
 * collection ({@code create} with {@code capped}), which it refused without a code ("Creating capped collections is not
 * yet implemented"), so that a driver reported an error with none. An aggregate's {@code explain} flag, which
 * mongo-java-server passed over (it ran the pipeline), and a {@code dropIndexes} naming a list of indexes, on which it
 * failed with a Java cast error, are refused too, and so are the pipeline stages it does not run, what it refused
 * itself as not yet implemented (without a code) and a command on which it recursed without end (it closed the
 * connection). Every driver reports 238 with its name, and none retries it.
 */
final class NotImitated {

  private static final String REAL_MONGOD = "run the workload against a real mongod (target=container or target=uri)";

  private static final Set<String> MISSING_STAGES = Set.of("$bucketAuto", "$collStats", "$currentOp", "$densify", "$documents",
      "$fill", "$geoNear", "$listLocalSessions", "$listSessions", "$planCacheStats", "$setWindowFields", "$unionWith");

  /** Query operators mongod 7.0 has that mongo-java-server calls unknown. */
  private static final Set<String> MISSING_OPERATORS = Set.of("$bitsAllSet", "$bitsAllClear", "$bitsAnySet", "$bitsAnyClear",
      "$near", "$geoIntersects", "$maxDistance", "$minDistance", "$where", "$text", "$jsonSchema", "$alwaysTrue",
      "$alwaysFalse", "$sampleRate");

  private static final Pattern UNKNOWN_OPERATOR = Pattern.compile("unknown (?:top level )?operator: (\\$\\w+)");

  private NotImitated() {}

  /**
   * @throws MongoServerError 238 NotImplemented for {@code explain} (a command of its own or an aggregate's flag), a
   *     capped {@code create}, a {@code dropIndexes} given a list of names and a pipeline stage mongo-java-server does
   *     not run
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
    if (command.equalsIgnoreCase("aggregate") && query.get("pipeline") instanceof List<?> pipeline) {
      Stages.each(pipeline, stage -> refuseStage(stage.getKey(), stage.getValue()));
    }
  }

  /**
   * A pipeline stage mongod 7.0 runs and mongo-java-server does not: one it does not know (it answered 40324
   * "Unrecognized pipeline stage name", mongod's answer for a stage that does not exist, or 59 for an aggregate on the
   * admin database), {@code $geoNear} (refused without a code), and two forms of stages it runs otherwise.
   */
  private static void refuseStage(String name, Object spec) {
    if (MISSING_STAGES.contains(name)) {
      throw refused("run the " + name + " stage, where mongod 7.0 does: " + REAL_MONGOD);
    }
    if (name.equals("$out") && spec instanceof Document) {
      throw refused("run $out given as a document ({db: ..., coll: ...}), where mongod 7.0 does: name the collection"
          + " with a string ({$out: \"name\"}), which writes to the pipeline's own database, or " + REAL_MONGOD);
    }
    if (name.equals("$redact") && !(spec instanceof Document)) {
      throw refused("run $redact given an expression that is not an object, where mongod 7.0 does: give it as an object"
          + " ({$cond: ...}), or " + REAL_MONGOD);
    }
  }

  /**
   * {@code error} as the client gets it: mongo-java-server's "unknown operator: $near" (code 2, mongod's answer for an
   * operator that does not exist) for a query operator mongod 7.0 has and mongo-java-server lacks is 238 naming it;
   * any other error is itself.
   */
  static MongoServerError orNotImitated(MongoServerError error) {
    return missingOperator(error.getCode(), error.getMessageWithoutErrorCode()).map(NotImitated::refusedOperator).orElse(error);
  }

  /**
   * {@code reply}, a write's, with each of its write errors that names a query operator mongod 7.0 has and
   * mongo-java-server lacks (an update's or a delete's filter) as 238 naming it, as {@link #orNotImitated} does for a
   * command's error.
   */
  static Document withWriteErrorsNotImitated(Document reply) {
    if (reply.get("writeErrors") instanceof List<?> errors) {
      for (Object each : errors) {
        if (each instanceof Document writeError && writeError.get("code") instanceof Number code
            && writeError.get("errmsg") instanceof String message) {
          missingOperator(code.intValue(), message).map(NotImitated::refusedOperator).ifPresent(refusal -> {
            writeError.put("code", refusal.getCode());
            writeError.put("codeName", refusal.getCodeName());
            writeError.put("errmsg", refusal.getMessageWithoutErrorCode());
          });
        }
      }
    }
    return reply;
  }

  /** The operator mongo-java-server called unknown (code 2) in {@code message}, where mongod 7.0 has it. */
  private static Optional<String> missingOperator(int code, String message) {
    Matcher unknown = UNKNOWN_OPERATOR.matcher(message);
    if (code != MongodError.BAD_VALUE.code || !unknown.find()) {
      return Optional.empty();
    }
    // A $text query reaches mongo-java-server's matcher as its $search, which it names.
    String operator = unknown.group(1).equals("$search") ? "$text" : unknown.group(1);
    return MISSING_OPERATORS.contains(operator) ? Optional.of(operator) : Optional.empty();
  }

  private static MongoServerError refusedOperator(String operator) {
    return refused("run the query operator " + operator + ", where mongod 7.0 does: " + REAL_MONGOD);
  }

  /** mongo-java-server's own refusal of what it has not implemented, which it sent without a code. */
  static MongoServerError notYetImplemented(MongoServerException refusal) {
    return refused("run this: " + refusal.getMessageWithoutErrorCode() + "; " + REAL_MONGOD);
  }

  /**
   * A command whose running recursed without end in mongo-java-server, which closed the connection on the
   * StackOverflowError: a {@code $graphLookup} over documents that link in a cycle (mongod visits each document once).
   */
  static MongoServerError recursedWithoutEnd(String command) {
    return refused("finish this " + command + ": it recursed without end (a $graphLookup over documents that link in a"
        + " cycle does, which mongod 7.0 follows once; give the $graphLookup a maxDepth), or " + REAL_MONGOD);
  }

  private static MongoServerError refused(String what) {
    return MongodError.NOT_IMPLEMENTED.error("The embedded server (mongo-java-server) does not " + what);
  }
}
