package lab.portexhaustion.mongod;

import de.bwaldvogel.mongo.bson.Document;
import java.util.List;
import java.util.Locale;

/**
 * An aggregate pipeline's stages that mongod 7.0 takes as other names for stages mongo-java-server runs, given their
 * other name: {@code $set} is {@code $addFields}, {@code {$replaceWith: e}} is {@code {$replaceRoot: {newRoot: e}}}.
 * mongo-java-server knew only the first names and answered the others with 40324 "Unrecognized pipeline stage name:
 * '$set'", mongod's answer for a stage that does not exist. The stages of the pipelines inside a {@code $facet} or a
 * {@code $lookup} are renamed too ({@link Stages}).
 */
final class PipelineAliases {

  private PipelineAliases() {}

  /** {@code query}, an aggregate, with its pipeline's aliases renamed; {@code query} itself for any other command. */
  static Document asRead(String command, Document query) {
    if (!command.toLowerCase(Locale.ROOT).equals("aggregate") || !(query.get("pipeline") instanceof List<?> pipeline)) {
      return query;
    }
    List<Object> renamed = Stages.renamed(pipeline, PipelineAliases::renamed);
    return renamed.equals(pipeline) ? query : new Document(query).append("pipeline", renamed);
  }

  private static Document renamed(Document stage) {
    if (stage.containsKey("$set")) {
      return new Document("$addFields", stage.get("$set"));
    }
    if (stage.containsKey("$replaceWith")) {
      return new Document("$replaceRoot", new Document("newRoot", stage.get("$replaceWith")));
    }
    return stage;
  }
}
