package lab.portexhaustion;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Versions of the harness and of the libraries whose behaviour the reports depend on, recorded at build time. */
public final class BuildInfo {

  private static final Properties VERSIONS = load();

  private BuildInfo() {}

  public static String harnessVersion() {
    return VERSIONS.getProperty("harness.version");
  }

  /** The commit the harness was built from (12 hex digits), or "unknown" when it was built outside a git checkout. */
  public static String gitCommit() {
    return VERSIONS.getProperty("git.commit");
  }

  public static String mongoJavaServerVersion() {
    return VERSIONS.getProperty("mongo-java-server.version");
  }

  private static Properties load() {
    try (InputStream in = BuildInfo.class.getResourceAsStream("/build-info.properties")) {
      Properties properties = new Properties();
      if (in == null) {
        throw new IllegalStateException("build-info.properties is missing: build with Maven");
      }
      properties.load(in);
      return properties;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
