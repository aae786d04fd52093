package lab.portexhaustion.config;

import java.nio.file.Path;
import java.util.Map;

/**
 * Reads settings with a mongodb+srv string and prints what came of it on one line: "refused: <paragraph>" or
 * "accepted". Run by {@link SrvLookupFailureTest} in a network namespace without a network, where every DNS lookup fails.
 */
public final class SrvLookupMain {

  private SrvLookupMain() {}

  public static void main(String[] args) {
    try {
      SettingsLoader.load(Map.of("uri", args[0]), Path.of("target/no-such-harness.conf"));
      System.out.println("accepted");
    } catch (InvalidSettingsException e) {
      System.out.println("refused: " + e.getMessage());
    }
  }
}
