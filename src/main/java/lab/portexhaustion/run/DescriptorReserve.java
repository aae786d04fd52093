package lab.portexhaustion.run;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.Deque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A few descriptors the harness holds back for itself. When a run exhausts descriptors, the
 * load, the sampler and the harness's files share one limit: every read of {@code /proc} and
 * every file written needs a descriptor the load has just taken. At the onset, half of them go
 * back for the onset snapshot; the rest one at a time, each just before a try at writing its
 * record ({@link #write}), as the load takes a freed descriptor within microseconds: one released
 * early is gone by the time it is needed.
 */
final class DescriptorReserve implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(DescriptorReserve.class);
  private static final Path NOWHERE = Path.of("/dev/null");
  static final int SIZE = 32;
  /** Released for the onset snapshot: its reads of /proc. The rest are for the record's write. */
  static final int FOR_SNAPSHOT = SIZE / 2;

  private final Deque<FileChannel> held = new ArrayDeque<>();

  /** A write that needs one descriptor, and may fail for want of it. */
  @FunctionalInterface
  interface Write {
    void run() throws IOException;
  }

  /** Holds {@link #SIZE} descriptors where {@code /dev/null} exists (not on Windows, whose handles are not this kind of limit). */
  DescriptorReserve() {
    if (!NOWHERE.toFile().exists()) {
      return;
    }
    try {
      for (int i = 0; i < SIZE; i++) {
        held.push(FileChannel.open(NOWHERE, StandardOpenOption.READ));
      }
    } catch (IOException e) {
      LOG.warn("could hold back only {} descriptors for the harness: {}", held.size(), e.toString());
    }
  }

  /** Gives back the descriptors for the onset snapshot. */
  synchronized void releaseForSnapshot() {
    for (int i = 0; i < FOR_SNAPSHOT; i++) {
      releaseOne();
    }
  }

  /**
   * Runs {@code write}, one reserved descriptor given back just before each try, trying again while it fails for want
   * of a descriptor (EMFILE: the load took the one freed) and the reserve has more; the last failure is thrown. Where
   * nothing is held, the write is tried once.
   */
  synchronized void write(Write write) throws IOException {
    while (true) {
      releaseOne();
      try {
        write.run();
        return;
      } catch (IOException e) {
        if (held.isEmpty() || !WriteCause.outOfDescriptors(e)) {
          throw e;
        }
      }
    }
  }

  /** Gives one descriptor back, if one is held; false when none was. */
  private boolean releaseOne() {
    FileChannel channel = held.poll();
    if (channel == null) {
      return false;
    }
    try {
      channel.close();
    } catch (IOException e) {
      LOG.warn("releasing a reserved descriptor: {}", e.toString());
    }
    return true;
  }

  /** Gives every descriptor back. */
  @Override
  public synchronized void close() {
    while (releaseOne()) {
      // each released once
    }
  }
}
