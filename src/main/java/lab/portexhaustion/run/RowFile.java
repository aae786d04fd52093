package lab.portexhaustion.run;

import java.io.Closeable;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A results file written row by row as the run goes ({@code ports.csv}, {@code requests.hlog}), where each append is
 * whole or not there: an append the disk cannot take is cut back to where it began, so a full disk leaves the rows
 * before it and no torn row. Each append goes to the OS at once, so a killed run keeps what was appended.
 *
 * <p>A {@link RandomAccessFile} rather than a {@code FileChannel}: a channel is closed for good when the thread
 * writing to it is interrupted (a sampler or ticker being stopped), which lost a run's last rows and made the run
 * inconclusive; a plain file write is not interruptible.
 */
final class RowFile implements Closeable {

  private final Path path;
  private final RandomAccessFile file;

  RowFile(Path path) throws IOException {
    this.path = path;
    Files.write(path, new byte[0]); // created or emptied the way an open for writing does (a device stays as it is)
    this.file = new RandomAccessFile(path.toFile(), "rw");
  }

  Path path() {
    return path;
  }

  /** Appends {@code rows} whole; when the OS refuses part of them, the file is cut back to its length before, and the failure thrown. */
  void append(byte[] rows) throws IOException {
    long end = file.getFilePointer();
    try {
      file.write(rows);
    } catch (IOException e) {
      try {
        file.setLength(end);
        file.seek(end);
      } catch (IOException cut) {
        e.addSuppressed(cut);
      }
      throw e;
    }
  }

  @Override
  public void close() throws IOException {
    file.close();
  }
}
