package lab.portexhaustion.target;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.testcontainers.DockerClientFactory;

/**
 * Whether a Docker engine answers. The cheap checks come first so that a machine without Docker
 * gets its answer at once, without Testcontainers' slow and noisy search for an engine.
 */
public final class DockerAvailability {

  private DockerAvailability() {}

  /** Empty when Docker answers; otherwise why not, in a few words. */
  public static Optional<String> whyUnavailable() {
    boolean hostConfigured = System.getenv("DOCKER_HOST") != null;
    boolean socketPresent = Files.exists(Path.of("/var/run/docker.sock"))
        || Files.exists(Path.of(System.getProperty("user.home"), ".docker", "run", "docker.sock"))
        || Files.exists(Path.of(System.getProperty("user.home"), ".testcontainers.properties"))
        || System.getProperty("os.name", "").toLowerCase().startsWith("windows");
    if (!hostConfigured && !socketPresent) {
      return Optional.of("no Docker engine: DOCKER_HOST is not set and there is no /var/run/docker.sock");
    }
    try {
      return DockerClientFactory.instance().isDockerAvailable()
          ? Optional.empty()
          : Optional.of("Testcontainers found no working Docker environment");
    } catch (RuntimeException e) {
      return Optional.of("Docker did not answer: " + e.getMessage());
    }
  }
}
