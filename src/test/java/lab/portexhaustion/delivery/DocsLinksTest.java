package lab.portexhaustion.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The links of the Markdown pages: each leads to a file of this repository, and an anchor to a heading of that page. */
class DocsLinksTest {

  private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
  private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:");
  private static final Pattern CODE_BLOCK = Pattern.compile("^```.*?^```", Pattern.MULTILINE | Pattern.DOTALL);
  private static final Pattern HEADING = Pattern.compile("^#+\\s+(.+?)\\s*$", Pattern.MULTILINE);

  @Test
  void everyLinkStaysInTheRepositoryAndFindsItsFileAndHeading() throws IOException {
    List<String> broken = new ArrayList<>();
    for (Path page : pages()) {
      Matcher link = LINK.matcher(CODE_BLOCK.matcher(Files.readString(page)).replaceAll(""));
      while (link.find()) {
        problem(page, link.group(1)).ifPresent(broken::add);
      }
    }

    assertThat(broken).as("links of the Markdown pages").isEmpty();
  }

  private static Optional<String> problem(Path page, String link) throws IOException {
    if (SCHEME.matcher(link).find()) {
      return Optional.of(page + ": " + link + " leads outside the repository (the docs cite nothing outside it)");
    }
    int hash = link.indexOf('#');
    String file = hash < 0 ? link : link.substring(0, hash);
    Path target = file.isEmpty() ? page : page.resolveSibling(file).normalize();
    if (!Files.exists(target)) {
      return Optional.of(page + ": " + link + " names no file (" + target + ")");
    }
    if (hash >= 0 && target.toString().endsWith(".md") && !anchors(target).contains(link.substring(hash + 1))) {
      return Optional.of(page + ": " + link + " names no heading of " + target);
    }
    return Optional.empty();
  }

  /** The anchors a Markdown renderer such as GitHub's gives the headings: lower case, punctuation dropped, blanks as '-'. */
  static Set<String> anchors(Path page) throws IOException {
    Set<String> anchors = new HashSet<>();
    Map<String, Integer> seen = new HashMap<>();
    Matcher heading = HEADING.matcher(CODE_BLOCK.matcher(Files.readString(page)).replaceAll(""));
    while (heading.find()) {
      String slug = heading.group(1).toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}_\\- ]", "").replace(' ', '-');
      int times = seen.merge(slug, 1, Integer::sum);
      anchors.add(times == 1 ? slug : slug + "-" + (times - 1));
    }
    return anchors;
  }

  /** The pages of the repository: its README, docs/, results/README.md and the example project's. */
  private static List<Path> pages() throws IOException {
    List<Path> pages = new ArrayList<>(List.of(Path.of("README.md"), Path.of("results/README.md")));
    for (String folder : List.of("docs", "examples")) {
      try (Stream<Path> files = Files.walk(Path.of(folder))) {
        // Not what an example's build writes.
        files.filter(path -> path.toString().endsWith(".md") && !path.toString().contains("/target/")).forEach(pages::add);
      }
    }
    return pages;
  }
}
