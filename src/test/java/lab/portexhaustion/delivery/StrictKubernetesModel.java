package lab.portexhaustion.delivery;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Reads Kubernetes manifests into fabric8's model classes of the Kubernetes API, strictly: an unknown or misspelt
 * field anywhere, a duplicate key, a scalar of the wrong type or an apiVersion/kind this lab does not use fails.
 * fabric8's classes keep unknown fields in an "additional properties" map instead of failing (so that a client
 * survives newer servers), so after reading, every object of the tree is checked for such fields.
 */
final class StrictKubernetesModel {

  private static final Map<String, Class<? extends HasMetadata>> TYPES = Map.of(
      "v1/Namespace", Namespace.class,
      "v1/Service", Service.class,
      "v1/PersistentVolumeClaim", PersistentVolumeClaim.class,
      "v1/Pod", Pod.class,
      "apps/v1/StatefulSet", StatefulSet.class,
      "batch/v1/Job", Job.class);

  private static final YAMLMapper YAML = YAMLMapper.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES,
          DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
      .build();

  private StrictKubernetesModel() {}

  /** Every document of {@code yaml}, read into its model class; {@code source} names it in failures. */
  static List<HasMetadata> read(String yaml, String source) throws IOException {
    List<HasMetadata> objects = new ArrayList<>();
    try (MappingIterator<JsonNode> documents = YAML.readerFor(JsonNode.class).readValues(yaml)) {
      int index = 0;
      while (documents.hasNext()) {
        JsonNode document = documents.next();
        String where = source + " document " + index++;
        if (document == null || document.isNull() || document.isMissingNode()) {
          continue;
        }
        String type = document.path("apiVersion").asText() + "/" + document.path("kind").asText();
        Class<? extends HasMetadata> model = TYPES.get(type);
        if (model == null) {
          throw new IOException(where + ": apiVersion/kind " + type + " is none of " + TYPES.keySet());
        }
        HasMetadata object = YAML.treeToValue(document, model);
        List<String> unknown = new ArrayList<>();
        unknownFields(object, type, unknown);
        if (!unknown.isEmpty()) {
          throw new IOException(where + ": fields the Kubernetes API does not have: " + unknown);
        }
        objects.add(object);
      }
    }
    return objects;
  }

  private static void unknownFields(Object value, String path, List<String> found) throws IOException {
    if (value instanceof Collection<?> items) {
      int i = 0;
      for (Object item : items) {
        unknownFields(item, path + "[" + i++ + "]", found);
      }
      return;
    }
    if (value instanceof Map<?, ?> entries) {
      for (Map.Entry<?, ?> entry : entries.entrySet()) {
        unknownFields(entry.getValue(), path + "." + entry.getKey(), found);
      }
      return;
    }
    if (value == null || !value.getClass().getName().startsWith("io.fabric8.kubernetes.api.model.")) {
      return;
    }
    for (Method getter : value.getClass().getMethods()) {
      if (getter.getParameterCount() != 0 || !getter.getName().startsWith("get") || getter.getDeclaringClass() == Object.class) {
        continue;
      }
      Object property;
      try {
        property = getter.invoke(value);
      } catch (IllegalAccessException | InvocationTargetException e) {
        throw new IOException(path + ": cannot read " + getter.getName() + ": " + e, e);
      }
      if (getter.getName().equals("getAdditionalProperties")) {
        if (property instanceof Map<?, ?> extra && !extra.isEmpty()) {
          extra.keySet().forEach(key -> found.add(path + "." + key));
        }
        continue;
      }
      String name = getter.getName().substring(3);
      unknownFields(property, path + "." + Character.toLowerCase(name.charAt(0)) + name.substring(1), found);
    }
  }
}
