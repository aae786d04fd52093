package lab.portexhaustion.target;

import java.util.Optional;
import org.testcontainers.DockerClientFactory;

/**
 * Whether a Docker engine answers, by Testcontainers' own search: the same engines it would start
 * the container on (DOCKER_HOST, ~/.testcontainers.properties, the current Docker context, the
 * sockets of Docker, Docker Desktop and rootless Docker). A file check of our own missed engines
 * that Testcontainers finds. Each candidate gets one ping bounded by Testcontainers'
 * client.ping.timeout, and the answer is kept for the JVM.
 */
public final class DockerAvailability {

  /** Where Testcontainers looks for an engine, for a message that says none answered. */
  public static final String WHERE_IT_LOOKS = "DOCKER_HOST, ~/.testcontainers.properties, the current Docker context (which is"
      + " how Colima is found) and the sockets of Docker, Docker Desktop and rootless Docker";

  private DockerAvailability() {}

  /**
   * Empty when Docker answers; otherwise why not, in a few words. Testcontainers' own report of each place it looked is
   * an ERROR with a stack trace's worth of lines, on every run of a host without Docker; the logging configuration
   * silences it, and this answer stands for it.
   */
  public static Optional<String> whyUnavailable() {
    try {
      return DockerClientFactory.instance().isDockerAvailable() ? Optional.empty() : Optional.of("no Docker engine answered");
    } catch (RuntimeException e) {
      return Optional.of("Docker did not answer (" + e.getMessage() + ")");
    }
  }
}
