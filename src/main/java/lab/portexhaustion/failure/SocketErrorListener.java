package lab.portexhaustion.failure;

import java.time.Instant;

/**
 * Hears a socket error the moment the driver meets it, on the driver's own thread (its server
 * monitor), before any request fails because of it. Must return quickly.
 */
@FunctionalInterface
public interface SocketErrorListener {

  SocketErrorListener NONE = (error, at) -> { };

  void socketError(Throwable error, Instant at);
}
