package lab.portexhaustion.config;

import java.util.List;

/**
 * One or more settings are wrong; each problem is a self-contained paragraph for the user, with any connection string
 * in it redacted (a URI given to the wrong key is quoted as that key's value).
 */
public final class InvalidSettingsException extends RuntimeException {

  private final List<String> problems;

  public InvalidSettingsException(List<String> problems) {
    super(String.join("\n\n", masked(problems)));
    this.problems = masked(problems);
  }

  private static List<String> masked(List<String> problems) {
    return problems.stream().map(UriRedaction::mask).toList();
  }

  public List<String> problems() {
    return problems;
  }
}
