package lab.portexhaustion.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigValue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** docs/settings.md lists every setting of harness-defaults.conf with its default, and nothing else. */
class SettingsPageTest {

  private static final Pattern ROW = Pattern.compile("^\\| `([^`]+)` \\| `([^`]*)` \\|", Pattern.MULTILINE);

  @Test
  void theSettingsTableHasEveryDefaultAndNoOther() throws IOException {
    Map<String, String> documented = new TreeMap<>();
    Matcher row = ROW.matcher(Files.readString(Path.of("docs/settings.md")));
    while (row.find()) {
      documented.put(row.group(1), row.group(2));
    }
    Config defaults = ConfigFactory.parseFile(Path.of("src/main/resources/harness-defaults.conf").toFile());
    Map<String, String> actual = new TreeMap<>();
    for (Map.Entry<String, ConfigValue> entry : defaults.entrySet()) {
      Object value = entry.getValue().unwrapped();
      actual.put(entry.getKey(), value.equals("") ? "\"\"" : String.valueOf(value));
    }

    assertThat(documented).as("docs/settings.md against harness-defaults.conf").isEqualTo(actual);
  }
}
