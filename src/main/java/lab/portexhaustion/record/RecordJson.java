package lab.portexhaustion.record;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;

/**
 * The JSON of a run's files and of the reports made from them. The records say "unknown" one way, an empty
 * {@link java.util.Optional}, and the files one way, null (results/README.md); this mapper turns one into the other
 * both ways. Without it Jackson refuses an Optional rather than write it wrong.
 */
public final class RecordJson {

  private RecordJson() {}

  /** For writing: indented, as the files are meant to be read by people too. */
  public static ObjectMapper writer() {
    return JsonMapper.builder().addModule(new Jdk8Module()).enable(SerializationFeature.INDENT_OUTPUT).build();
  }

  /** For reading: fields a newer harness added are skipped; fields an older one did not write are empty. */
  public static ObjectMapper reader() {
    return JsonMapper.builder().addModule(new Jdk8Module()).disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
  }
}
