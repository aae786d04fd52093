package lab.portexhaustion.embedded;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.IntConsumer;
import java.util.function.IntPredicate;

/**
 * The embedded server's port: a fresh one each start, so that nothing an earlier run left toward it (TIME_WAIT) is in
 * the way (Linux picks ephemeral ports per destination), and one outside the ephemeral range, so that the listener takes
 * no client port: the incident's advice to give a server a port outside the range (docs/background.md, "The
 * incident"). The process that starts the server picks the candidates, since it knows the range; the server binds the
 * first of them that is free, or any free port when none is.
 */
public final class FreshPorts {

  private static final int FIRST_CANDIDATE = 1025;
  private static final int DRAWS_PER_CANDIDATE = 10;

  private FreshPorts() {}

  /** Up to {@code count} random ports from 1025 to 65535 that {@code fresh} accepts, in the order drawn. */
  public static List<Integer> candidates(IntPredicate fresh, int count) {
    List<Integer> ports = new ArrayList<>();
    for (int draw = 0; draw < DRAWS_PER_CANDIDATE * count && ports.size() < count; draw++) {
      int candidate = ThreadLocalRandom.current().nextInt(FIRST_CANDIDATE, 65536);
      if (fresh.test(candidate) && !ports.contains(candidate)) {
        ports.add(candidate);
      }
    }
    return ports;
  }

  /**
   * Calls {@code bind} with each candidate until one binds, then, when none did, with 0 (any free port); a failure
   * there is thrown. {@code bind} throws when the port is taken.
   */
  public static void bindFirstFree(List<Integer> candidates, IntConsumer bind) {
    for (int port : candidates) {
      try {
        bind.accept(port);
        return;
      } catch (Exception portTaken) { // Netty's checked BindException comes through undeclared
        // In use by someone else: try the next.
      }
    }
    bind.accept(0);
  }
}
