package lab.portexhaustion.embedded;

import de.bwaldvogel.mongo.bson.Document;
import java.util.List;
import java.util.Locale;

/**
 * An aggregate pipeline's stages that mongod 7.0 takes as other names for stages mongo-java-server runs, given their
 * other name: {@code $set} is {@code $addFields}, {@code {$replaceWith: e}} is {@code {$replaceRoot: {newRoot: e}}}.
 * mongo-java-server knew only the first names and answered the others with 40324 "Unrecognized pipeline stage name:
 * '$set'", mongod's answer for a stage that does not exist. Only a pipeline's own stages are renamed, not those inside
 * a {@code $facet} or a {@code $lookup}'s pipeline.
 */
final class PipelineAliases {

  private PipelineAliases() {}

  /** {@code query}, an aggregate, with its pipeline's aliases renamed; {@code query} itself for any other command. */
  static Document asRead(String command, Document query) {
    if (!command.toLowerCase(Locale.ROOT).equals("aggregate") || !(query.get("pipeline") instanceof List<?> pipeline)) {
      return query;
    }
    List<Object> renamed = pipeline.stream().map(PipelineAliases::renamed).toList();
    return renamed.equals(pipeline) ? query : new Document(query).append("pipeline", renamed);
  }

  private static Object renamed(Object stage) {
    if (stage instanceof Document document && document.size() == 1) {
      if (document.containsKey("$set")) {
        return new Document("$addFields", document.get("$set"));
      }
      if (document.containsKey("$replaceWith")) {
        return new Document("$replaceRoot", new Document("newRoot", document.get("$replaceWith")));
      }
    }
    return stage;
  }
}
