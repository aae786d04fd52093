package lab.portexhaustion.embedded;

import java.util.Optional;

/**
 * The embedded server process listens.
 *
 * @param port the port it listens on
 * @param pid its process id (under prlimit, the server's own: prlimit runs the server in its own process)
 * @param descriptorLimit its descriptor limit, as it read it at its start; empty where the OS has none (Windows)
 * @param connectionCap the most connections it holds ({@link ConnectionCap}), 0 for no cap
 */
public record ServerReady(int port, long pid, Optional<Long> descriptorLimit, int connectionCap) implements ServerReport {}
