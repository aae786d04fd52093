package lab.portexhaustion.config;

/**
 * How the embedded server answers the driver's monitor ({@code embedded.monitoring}).
 * {@code streaming}: as mongod 4.4 and later, a topology version in every {@code hello} reply and
 * awaitable {@code hello}, so the driver streams its heartbeats and opens a round-trip-time
 * connection. {@code polling}: as older servers (and mongo-java-server itself), so the driver polls.
 */
public enum EmbeddedMonitoring implements ConfigName {
  STREAMING,
  POLLING
}
