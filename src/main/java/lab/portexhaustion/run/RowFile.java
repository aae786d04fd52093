package lab.portexhaustion.run;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A results file written row by row as the run goes ({@code ports.csv}, {@code requests.hlog}), where each append is
 * whole or not there: an append the disk cannot take is cut back to where it began, so a full disk leaves the rows
 * before it and no torn row. Each append goes to the OS at once, so a killed run keeps what was appended.
 */
final class RowFile implements Closeable {

  private final Path path;
  private final FileChannel channel;

  RowFile(Path path) throws IOException {
    this.path = path;
    this.channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
  }

  Path path() {
    return path;
  }

  /** Appends {@code rows} whole; when the OS refuses part of them, the file is cut back to its length before, and the failure thrown. */
  void append(byte[] rows) throws IOException {
    long end = channel.position();
    ByteBuffer buffer = ByteBuffer.wrap(rows);
    try {
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
    } catch (IOException e) {
      try {
        channel.truncate(end);
        channel.position(end);
      } catch (IOException cut) {
        e.addSuppressed(cut);
      }
      throw e;
    }
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }
}
