package lab.portexhaustion.mongod;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.MongoServerError;
import java.util.List;

/**
 * An aggregate pipeline's stages whose specification is of a kind the stage does not take, refused as mongod 7.0
 * refuses them before running any: each stage with its own code and words ("the match filter must be an expression
 * in an object", 15959; "invalid argument to $limit stage: Expected a non-negative number in: $limit: -1", 5107201;
 * ...). mongo-java-server read each specification as the type it expected and failed with a Java cast error or
 * NullPointerException and no code ("Unknown error: -1" for a negative limit). The stages of the pipelines inside a
 * {@code $facet} or a {@code $lookup} are looked at too ({@link Stages}); a stage name mongod does not know, a stage that
 * is not a document and the stages mongo-java-server checks itself ({@code $unwind}, {@code $sample},
 * {@code $group}'s {@code _id}) are left to mongo-java-server, which answers them with mongod's codes.
 */
final class PipelineStages {

  private PipelineStages() {}

  /** @throws MongoServerError mongod's error for the first stage of {@code pipeline} whose specification it refuses */
  static void refuse(List<?> pipeline) {
    Stages.each(pipeline, stage -> refuseStage(stage.getKey(), stage.getValue()));
  }

  private static void refuseStage(String name, Object spec) {
    switch (name) {
      case "$match" -> require(spec instanceof Document, 15959, "the match filter must be an expression in an object");
      case "$sort" -> {
        require(spec instanceof Document, 15973, "the $sort key specification must be an object");
        require(!((Document) spec).isEmpty(), 15976, "$sort stage must have at least one sort key");
      }
      case "$group" -> require(spec instanceof Document, 15947, "a group's fields must be specified in an object");
      case "$lookup", "$graphLookup" -> {
        if (!(spec instanceof Document)) {
          throw MongodError.FAILED_TO_PARSE.error(
              "the " + name + " stage specification must be an object, but found " + CommandArguments.typeName(spec));
        }
      }
      case "$count" -> require(spec instanceof String text && !text.isEmpty(), spec instanceof String ? 40157 : 40156,
          "the count field must be a non-empty string");
      case "$limit" -> count(name, spec, 5107201);
      case "$skip" -> count(name, spec, 5107200);
      case "$addFields", "$set" -> require(spec instanceof Document, 40272,
          name + " specification stage must be an object, got " + CommandArguments.typeName(spec));
      case "$project" -> require(spec instanceof Document, 15969, "$project specification must be an object");
      case "$out" -> require(spec instanceof String || spec instanceof Document, 16990,
          "$out only supports a string or object argument, but found " + CommandArguments.typeName(spec));
      case "$merge" -> {
        if (!(spec instanceof String) && !(spec instanceof Document)) {
          throw MongodError.TYPE_MISMATCH.error(
              "$merge requires a string or object argument, but found " + CommandArguments.typeName(spec));
        }
      }
      case "$replaceRoot" -> require(spec instanceof Document, 40229,
          "expected an object as specification for $replaceRoot stage, got " + CommandArguments.typeName(spec));
      case "$facet" -> require(spec instanceof Document, 40169,
          "the $facet specification must be a non-empty object, but found: $facet: " + MongodText.of(spec));
      case "$bucket" -> require(spec instanceof Document, 40201,
          "Argument to $bucket stage must be an object, but found type: " + CommandArguments.typeName(spec) + ".");
      default -> {
        // A stage mongo-java-server reads without failing, or one it does not know (40324, mongod's code for it).
      }
    }
  }

  /**
   * {@code $limit} and {@code $skip}: a whole 64-bit number, not negative, read as mongod reads such an argument
   * ({@link WholeNumber}); a limit of 0 is its own error.
   */
  private static void count(String name, Object spec, int code) {
    String prefix = "invalid argument to " + name + " stage: ";
    if (!(spec instanceof Number number)) {
      throw MongodError.located(code, prefix + "Expected a number in: " + name + ": " + MongodText.of(spec));
    }
    long value;
    try {
      value = WholeNumber.of(name, number);
    } catch (MongoServerError notWhole) {
      throw MongodError.located(code, prefix + notWhole.getMessageWithoutErrorCode());
    }
    if (value < 0) {
      throw MongodError.located(code, prefix + "Expected a non-negative number in: " + WholeNumber.shown(name, number));
    }
    require(value != 0 || !name.equals("$limit"), 15958, "the limit must be positive");
  }

  private static void require(boolean taken, int code, String message) {
    if (!taken) {
      throw MongodError.located(code, message);
    }
  }

}
