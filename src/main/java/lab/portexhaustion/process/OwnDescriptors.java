package lab.portexhaustion.process;

import com.sun.management.UnixOperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;

/** This process's file descriptors, as the JDK counts them; -1 where the OS has no such count (Windows). */
public final class OwnDescriptors {

  private static final OperatingSystemMXBean OS = ManagementFactory.getOperatingSystemMXBean();

  private OwnDescriptors() {}

  /**
   * Descriptors open now. The JDK counts them by listing /proc/self/fd, which takes a descriptor itself: at the limit
   * it throws InternalError (errno 24, EMFILE), and EMFILE means the process holds as many as it may, so the limit is
   * the count.
   */
  public static long open() {
    if (!(OS instanceof UnixOperatingSystemMXBean unix)) {
      return -1;
    }
    try {
      return unix.getOpenFileDescriptorCount();
    } catch (InternalError atTheLimit) {
      return unix.getMaxFileDescriptorCount();
    }
  }

  /** The process's descriptor limit. */
  public static long max() {
    return OS instanceof UnixOperatingSystemMXBean unix ? unix.getMaxFileDescriptorCount() : -1;
  }
}
