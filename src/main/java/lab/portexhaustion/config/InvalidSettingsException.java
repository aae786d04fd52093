package lab.portexhaustion.config;

import java.util.List;

/** One or more settings are wrong; each problem is a self-contained paragraph for the user. */
public final class InvalidSettingsException extends RuntimeException {

  private final List<String> problems;

  public InvalidSettingsException(List<String> problems) {
    super(String.join("\n\n", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
