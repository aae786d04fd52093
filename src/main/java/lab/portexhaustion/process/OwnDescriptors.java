package lab.portexhaustion.process;

import com.sun.management.UnixOperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.util.Optional;

/** This process's file descriptors, as the JDK counts them; empty where the OS has no such count (Windows). */
public final class OwnDescriptors {

  private static final OperatingSystemMXBean OS = ManagementFactory.getOperatingSystemMXBean();

  private OwnDescriptors() {}

  /**
   * Descriptors open now. The JDK counts them by listing /proc/self/fd, which takes a descriptor itself: at the limit
   * it throws InternalError (errno 24, EMFILE), and EMFILE means the process holds as many as it may, so the limit is
   * the count.
   */
  public static Optional<Long> open() {
    if (!(OS instanceof UnixOperatingSystemMXBean unix)) {
      return Optional.empty();
    }
    try {
      return Optional.of(unix.getOpenFileDescriptorCount());
    } catch (InternalError atTheLimit) {
      return Optional.of(unix.getMaxFileDescriptorCount());
    }
  }

  /** The process's descriptor limit. */
  public static Optional<Long> max() {
    return OS instanceof UnixOperatingSystemMXBean unix ? Optional.of(unix.getMaxFileDescriptorCount()) : Optional.empty();
  }
}
