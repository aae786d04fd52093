package lab.portexhaustion.embedded;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The node a package says it needs ({@code engines.node} in its package.json), when it says it as ">=x.y.z": the form
 * the pinned driver uses. Any other range is taken as met: the test then runs and node's own error says what is wrong.
 */
record NodeEngine(String range) {

  private static final Pattern AT_LEAST = Pattern.compile("^\\s*>=\\s*v?(\\d+)\\.(\\d+)\\.(\\d+)\\s*$");
  private static final Pattern VERSION = Pattern.compile("^\\s*v?(\\d+)\\.(\\d+)\\.(\\d+)");
  private static final Pattern ENGINES_NODE = Pattern.compile("\"engines\"\\s*:\\s*\\{[^}]*\"node\"\\s*:\\s*\"([^\"]*)\"");

  /** The {@code engines.node} of a package.json's text, or "" when it names none. */
  static NodeEngine ofPackageJson(String packageJson) {
    Matcher engines = ENGINES_NODE.matcher(packageJson);
    return new NodeEngine(engines.find() ? engines.group(1) : "");
  }

  /** Whether {@code nodeVersion} ({@code node --version}'s "v20.20.2") meets the range. */
  boolean admits(String nodeVersion) {
    Matcher least = AT_LEAST.matcher(range);
    Matcher version = VERSION.matcher(nodeVersion);
    if (!least.matches() || !version.find()) {
      return true;
    }
    for (int part = 1; part <= 3; part++) {
      int have = Integer.parseInt(version.group(part));
      int need = Integer.parseInt(least.group(part));
      if (have != need) {
        return have > need;
      }
    }
    return true;
  }
}
