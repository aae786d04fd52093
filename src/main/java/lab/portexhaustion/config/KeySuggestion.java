package lab.portexhaustion.config;

import com.typesafe.config.Config;
import java.util.Comparator;
import java.util.Locale;
import org.apache.commons.text.similarity.LevenshteinDistance;

/** "did you mean ...?" for a mistyped setting name: the known key nearest by edit distance, if near enough. */
final class KeySuggestion {

  private static final int MAX_DISTANCE = 3;
  private static final LevenshteinDistance DISTANCE = new LevenshteinDistance(MAX_DISTANCE);

  private KeySuggestion() {}

  static String forKey(String unknown, Config defaults) {
    String typed = unknown.toLowerCase(Locale.ROOT);
    return defaults.entrySet().stream()
        .map(e -> e.getKey())
        .filter(known -> DISTANCE.apply(typed, known.toLowerCase(Locale.ROOT)) >= 0)
        .min(Comparator.comparingInt(known -> DISTANCE.apply(typed, known.toLowerCase(Locale.ROOT))))
        .map(best -> "; did you mean '" + best + "'?")
        .orElse("");
  }
}
