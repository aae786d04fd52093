package lab.portexhaustion.process;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A process this one depends on (the one that started it), and whether it is still there. On Linux its
 * {@code /proc/<pid>/stat} is opened once and read again on every check: the check then needs
 * no new descriptor, so it keeps answering while the run has exhausted them ({@link
 * ProcessHandle#isAlive} opens the file each time, fails with EMFILE and reports the parent gone).
 * A kept-open {@code /proc} file also names that one process, not a later one given the same pid.
 */
public final class ParentProcess implements AutoCloseable {

  private final ProcessHandle handle;
  private final FileChannel stat;
  private final ByteBuffer buffer = ByteBuffer.allocate(512);

  private ParentProcess(ProcessHandle handle, FileChannel stat) {
    this.handle = handle;
    this.stat = stat;
  }

  /** The parent of this process, if it has one. */
  public static Optional<ParentProcess> ofThisProcess() {
    return ProcessHandle.current().parent().map(ParentProcess::of);
  }

  public static ParentProcess of(ProcessHandle handle) {
    Path file = Path.of("/proc", Long.toString(handle.pid()), "stat");
    try {
      return new ParentProcess(handle, Files.isReadable(file) ? FileChannel.open(file) : null);
    } catch (IOException e) {
      return new ParentProcess(handle, null);
    }
  }

  public long pid() {
    return handle.pid();
  }

  /** True once the process has exited: gone from {@code /proc}, or a zombie waiting to be reaped. */
  public boolean isGone() {
    if (stat == null) {
      return !handle.isAlive();
    }
    try {
      buffer.clear();
      int read = stat.read(buffer, 0);
      if (read <= 0) {
        return true;
      }
      // "pid (name) S ...": the state follows the last ')', as the name may hold one.
      String text = new String(buffer.array(), 0, read, StandardCharsets.US_ASCII);
      int state = text.lastIndexOf(')') + 2;
      return state < text.length() && (text.charAt(state) == 'Z' || text.charAt(state) == 'X');
    } catch (IOException e) {
      return true; // ESRCH: the process is gone and reaped
    }
  }

  @Override
  public void close() {
    if (stat != null) {
      try {
        stat.close();
      } catch (IOException e) {
        // nothing left to do with it
      }
    }
  }
}
