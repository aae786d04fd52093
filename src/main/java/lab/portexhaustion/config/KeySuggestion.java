package lab.portexhaustion.config;

import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;

/**
 * "Did you mean ...?" for a mistyped name: the known name nearest by edit distance, if near enough. The distance
 * counts an inserted, deleted or replaced letter as one, and so a swap of two neighbours ({@code laod}), the most
 * common typo; case is ignored.
 */
final class KeySuggestion {

  /** How far a whole setting key may be from the one meant. */
  static final int MAX_KEY_DISTANCE = 3;

  private KeySuggestion() {}

  /** The name of {@code known} nearest to {@code typed}, at most {@code maxDistance} away. */
  static Optional<String> nearest(String typed, Collection<String> known, int maxDistance) {
    return known.stream()
        .filter(name -> distance(typed, name) <= maxDistance)
        .min(Comparator.comparingInt((String name) -> distance(typed, name)).thenComparing(Comparator.naturalOrder()));
  }

  /** The sentence that suggests {@code name}, or nothing. */
  static String sentence(Optional<String> name) {
    return name.map(best -> " Did you mean '" + best + "'?").orElse("");
  }

  /** Optimal string alignment distance, case-insensitive: edits, with a swap of two neighbouring letters as one. */
  static int distance(String a, String b) {
    String s = a.toLowerCase(Locale.ROOT);
    String t = b.toLowerCase(Locale.ROOT);
    int[][] d = new int[s.length() + 1][t.length() + 1];
    for (int i = 0; i <= s.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= t.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= s.length(); i++) {
      for (int j = 1; j <= t.length(); j++) {
        int cost = s.charAt(i - 1) == t.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && s.charAt(i - 1) == t.charAt(j - 2) && s.charAt(i - 2) == t.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[s.length()][t.length()];
  }
}
