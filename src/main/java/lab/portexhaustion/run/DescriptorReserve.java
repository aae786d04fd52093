package lab.portexhaustion.run;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A few descriptors the harness holds back for itself. When a run exhausts descriptors, the
 * load, the sampler and the harness's files share one limit: every read of {@code /proc} and
 * every file written needs a descriptor the load has just taken. Released at the onset, these
 * let the onset snapshot and its record be written. The load may take some of them back first;
 * the sampler then misses a sample, never the run.
 */
final class DescriptorReserve implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(DescriptorReserve.class);
  private static final Path NOWHERE = Path.of("/dev/null");
  static final int SIZE = 32;

  private final List<FileChannel> held = new ArrayList<>();

  /** Holds {@link #SIZE} descriptors where {@code /dev/null} exists (not on Windows, whose handles are not this kind of limit). */
  DescriptorReserve() {
    if (!NOWHERE.toFile().exists()) {
      return;
    }
    try {
      for (int i = 0; i < SIZE; i++) {
        held.add(FileChannel.open(NOWHERE, StandardOpenOption.READ));
      }
    } catch (IOException e) {
      LOG.warn("could hold back only {} descriptors for the harness: {}", held.size(), e.toString());
    }
  }

  /** Gives the descriptors back to the process; once. */
  synchronized void release() {
    for (FileChannel channel : held) {
      try {
        channel.close();
      } catch (IOException e) {
        LOG.warn("releasing a reserved descriptor: {}", e.toString());
      }
    }
    held.clear();
  }

  @Override
  public void close() {
    release();
  }
}
