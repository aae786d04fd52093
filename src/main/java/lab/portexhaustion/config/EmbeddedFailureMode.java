package lab.portexhaustion.config;

/**
 * What the embedded server does when it is full ({@code embedded.failureMode}); it speaks MongoDB's protocol in both.
 * {@code mongod}: as mongod, it holds at most 80 % of its descriptor limit in connections (or
 * {@code embedded.maxIncomingConnections} when that is lower) and refuses the next by accepting and closing it, so the
 * client reads a closed connection at once. {@code select-server}: as the incident's server (a web server built on
 * {@code select()}), it accepts until {@code accept} fails with EMFILE; the connection then waits in the listen backlog
 * and its client hears nothing until its own timeout.
 */
public enum EmbeddedFailureMode implements ConfigName {
  MONGOD,
  SELECT_SERVER
}
