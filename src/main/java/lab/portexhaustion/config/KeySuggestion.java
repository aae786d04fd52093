package lab.portexhaustion.config;

import com.typesafe.config.Config;
import java.util.Comparator;

/** "did you mean ...?" for a mistyped setting name, by edit distance to the known keys. */
final class KeySuggestion {

  private static final int MAX_DISTANCE = 3;

  private KeySuggestion() {}

  static String forKey(String unknown, Config defaults) {
    return defaults.entrySet().stream()
        .map(e -> e.getKey())
        .min(Comparator.comparingInt(known -> distance(unknown.toLowerCase(), known.toLowerCase())))
        .filter(best -> distance(unknown.toLowerCase(), best.toLowerCase()) <= MAX_DISTANCE)
        .map(best -> "; did you mean '" + best + "'?")
        .orElse("");
  }

  static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
