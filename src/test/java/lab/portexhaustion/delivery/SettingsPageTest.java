package lab.portexhaustion.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigValue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docs/settings.md lists every setting of harness-defaults.conf with its default, and nothing else; and a setting any
 * page names by its section (load.*, embedded.*, ...) is one of them.
 */
class SettingsPageTest {

  private static final Pattern ROW = Pattern.compile("^\\| `([^`]+)` \\| `([^`]*)` \\|", Pattern.MULTILINE);
  /**
   * A section's key: a section of harness-defaults.conf, a dot, a lowercase name, alone or after -D (as most pages
   * name one), at the end of a sentence too; not a path's piece (docs/verdict.md), not a class in a package of that
   * name (fleet.PoolStormSimulation), not followed by more of a name.
   */
  private static final String NAMED_KEY = "(?:(?<=-D)|(?<![\\w./-]))(?:%s)\\.[a-z][A-Za-z0-9]*\\b(?![(/-]|\\.\\w)";
  /** scenario.<name>.<key> is the table's business, and the pages name wrong keys on purpose there (a typo's suggestion). */
  private static final Set<String> NOT_CHECKED_SECTIONS = Set.of("scenario");

  private static Config defaults() {
    return ConfigFactory.parseFile(Path.of("src/main/resources/harness-defaults.conf").toFile());
  }

  @Test
  void theSettingsTableHasEveryDefaultAndNoOther() throws IOException {
    Map<String, String> documented = new TreeMap<>();
    Matcher row = ROW.matcher(Files.readString(Path.of("docs/settings.md")));
    while (row.find()) {
      documented.put(row.group(1), row.group(2));
    }
    Config defaults = defaults();
    Map<String, String> actual = new TreeMap<>();
    for (Map.Entry<String, ConfigValue> entry : defaults.entrySet()) {
      Object value = entry.getValue().unwrapped();
      actual.put(entry.getKey(), value.equals("") ? "\"\"" : String.valueOf(value));
    }

    assertThat(documented).as("docs/settings.md against harness-defaults.conf").isEqualTo(actual);
  }

  /** A page that names embedded.maxConnections, where the key is embedded.maxIncomingConnections, sends a user to a refusal. */
  @Test
  void everySectionKeyThePagesNameIsASetting() throws IOException {
    Config defaults = defaults();
    String sections = defaults.root().keySet().stream()
        .filter(root -> defaults.getValue(root) instanceof ConfigObject && !NOT_CHECKED_SECTIONS.contains(root))
        .collect(Collectors.joining("|"));
    Pattern named = Pattern.compile(String.format(NAMED_KEY, sections));
    List<String> unknown = new ArrayList<>();
    for (Path page : pages()) {
      Matcher key = named.matcher(Files.readString(page));
      while (key.find()) {
        // A link to a page of the same name as a section (fleet.md, verdict.md) is no key.
        if (!key.group().endsWith(".md") && !defaults.hasPath(key.group())) {
          unknown.add(page + ": " + key.group());
        }
      }
    }

    assertThat(unknown).as("keys named in the docs that harness-defaults.conf does not have").isEmpty();
  }

  private static List<Path> pages() throws IOException {
    try (Stream<Path> docs = Files.list(Path.of("docs"))) {
      Stream<Path> others = Stream.of("README.md", "results/README.md", "examples/product-catalogue/README.md").map(Path::of);
      return Stream.concat(others, docs.filter(page -> page.toString().endsWith(".md"))).toList();
    }
  }
}
