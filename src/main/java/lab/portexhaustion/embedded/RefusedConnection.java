package lab.portexhaustion.embedded;

/**
 * A connection the embedded server's connection limit closed on arrival.
 *
 * @param epochMillis when it arrived
 * @param from the client's address and port, as the server saw them
 */
public record RefusedConnection(long epochMillis, String from) implements ServerReport {}
