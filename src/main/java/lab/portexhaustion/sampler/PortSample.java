package lab.portexhaustion.sampler;

import java.util.Optional;
import lab.portexhaustion.embedded.ServerStatus;

/**
 * One sample of the sampler, a row of {@code harness/ports.csv} ({@link PortsCsv}). Every sample has the
 * {@link Totals}, cheap enough to read every 100 ms; a {@link FullSample} adds what the socket table says of the sockets
 * toward the target, a {@link TotalsSample} has nothing more. Either has the server process's figures where the server
 * is the harness's own process. A figure the sampler cannot know here is an empty {@link Optional}.
 */
public sealed interface PortSample permits TotalsSample, FullSample {

  /** Since the run started. */
  long elapsedMillis();

  Tier tier();

  Totals totals();

  /** The embedded server process's figures; empty for a server that is not the harness's own process. */
  Optional<ServerFigures> server();

  /** Which tier took a sample; its label is the {@code tier} column of ports.csv. */
  enum Tier {
    /** The cheap totals only, every {@code sampler.totalsInterval}. */
    TOTALS,
    /** The socket table too, every {@code sampler.fullInterval}. */
    FULL,
    /** The extra full snapshot taken when exhaustion started. */
    ONSET;

    public String label() {
      return name().toLowerCase();
    }

    static Tier of(String label) {
      for (Tier tier : values()) {
        if (tier.label().equals(label)) {
          return tier;
        }
      }
      throw new IllegalArgumentException("'" + label + "' is not a tier of ports.csv (totals, full or onset)");
    }
  }

  /**
   * The figures every sample has.
   *
   * @param timeWaitTotal TIME_WAIT sockets of the whole host or namespace, any destination; empty where
   *     /proc/net/sockstat cannot be read (off Linux) and the sample did not read the socket table
   * @param tcpInUseTotal TCP sockets in use, any destination; empty where /proc/net/sockstat cannot be read
   * @param rangeSize ports in the ephemeral range
   * @param descriptors this (the client's) process's descriptors; empty where the OS does not count them (Windows)
   */
  record Totals(Optional<Long> timeWaitTotal, Optional<Long> tcpInUseTotal, int rangeSize, Optional<Descriptors> descriptors) {}

  /** A process's open descriptors and its limit. */
  record Descriptors(long open, long max) {

    /** Descriptors it may still open. */
    public long free() {
      return max - open;
    }
  }

  /**
   * The embedded server process's figures, as it last reported them (some 100 ms old at most).
   *
   * @param descriptors its open descriptors and limit; empty where its OS does not count them (Windows)
   * @param acceptFailures accepts that failed in the server so far (EMFILE at its descriptor limit)
   */
  record ServerFigures(Optional<Descriptors> descriptors, int openConnections, long acceptFailures) {

    static ServerFigures of(ServerStatus status) {
      Optional<Descriptors> descriptors = status.descriptorsMax().flatMap(max -> status.descriptorsOpen().map(open -> new Descriptors(open, max)));
      return new ServerFigures(descriptors, status.openConnections(), status.acceptFailures());
    }
  }
}
