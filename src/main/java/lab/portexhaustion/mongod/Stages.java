package lab.portexhaustion.mongod;

import de.bwaldvogel.mongo.bson.Document;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * An aggregate pipeline's stages, those of the pipelines inside it included: each value of a {@code $facet} and a
 * {@code $lookup}'s {@code pipeline}, which mongod parses as it parses the outer one. A stage is a document of one
 * field; anything else in a pipeline is left to mongo-java-server, which refuses it with mongod's codes.
 */
final class Stages {

  private Stages() {}

  /** Calls {@code check} with every stage of {@code pipeline} and of the pipelines inside it, outer ones first. */
  static void each(List<?> pipeline, Consumer<Map.Entry<String, Object>> check) {
    for (Object stage : pipeline) {
      if (stage instanceof Document document && document.size() == 1) {
        Map.Entry<String, Object> only = document.entrySet().iterator().next();
        check.accept(only);
        inner(only).forEach(nested -> each(nested, check));
      }
    }
  }

  /** {@code pipeline} with every stage, those of the pipelines inside it included, as {@code rename} gives it. */
  static List<Object> renamed(List<?> pipeline, UnaryOperator<Document> rename) {
    return pipeline.stream().map(stage -> stage instanceof Document document && document.size() == 1
        ? withInnerRenamed(rename.apply(document), rename) : stage).toList();
  }

  private static Object withInnerRenamed(Document stage, UnaryOperator<Document> rename) {
    Map.Entry<String, Object> only = stage.entrySet().iterator().next();
    if (only.getKey().equals("$facet") && only.getValue() instanceof Document facets) {
      Document renamedFacets = new Document();
      facets.forEach((name, facet) -> renamedFacets.put(name, facet instanceof List<?> inner ? renamed(inner, rename) : facet));
      return new Document("$facet", renamedFacets);
    }
    if (only.getKey().equals("$lookup") && only.getValue() instanceof Document lookup
        && lookup.get("pipeline") instanceof List<?> inner) {
      return new Document("$lookup", new Document(lookup).append("pipeline", renamed(inner, rename)));
    }
    return stage;
  }

  private static List<List<?>> inner(Map.Entry<String, Object> stage) {
    if (stage.getKey().equals("$facet") && stage.getValue() instanceof Document facets) {
      return facets.values().stream().filter(List.class::isInstance).<List<?>>map(facet -> (List<?>) facet).toList();
    }
    if (stage.getKey().equals("$lookup") && stage.getValue() instanceof Document lookup
        && lookup.get("pipeline") instanceof List<?> inner) {
      return List.of(inner);
    }
    return List.of();
  }
}
