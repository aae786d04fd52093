package lab.portexhaustion.run;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Why a results file could not be written, as the OS said it, with the errno's name for the causes a user can act on:
 * a full disk, a folder not writable, a read-only file system, a process out of descriptors.
 */
final class WriteCause {

  /** The OS's text (lower case) and its errno; "in system" before the shorter text it contains. */
  private static final Map<String, String> ERRNO = Map.of(
      "no space left on device", "ENOSPC",
      "disk quota exceeded", "EDQUOT",
      "permission denied", "EACCES",
      "read-only file system", "EROFS",
      "too many open files in system", "ENFILE",
      "too many open files", "EMFILE");

  private WriteCause() {}

  /** "No space left on device (ENOSPC)"; the exception's own text where the OS's is not one of those. */
  static String of(IOException e) {
    String reason = reason(e);
    return errno(reason).map(code -> reason + " (" + code + ")").orElse(reason);
  }

  /** True when the write failed for want of a descriptor, which one more released from the reserve may give. */
  static boolean outOfDescriptors(IOException e) {
    return errno(reason(e)).filter(code -> code.equals("EMFILE") || code.equals("ENFILE")).isPresent();
  }

  /** True when the write failed for want of room: the disk full (ENOSPC) or the user's quota used up (EDQUOT). */
  static boolean diskFull(IOException e) {
    return errno(reason(e)).filter(code -> code.equals("ENOSPC") || code.equals("EDQUOT")).isPresent();
  }

  private static String reason(IOException e) {
    if (e instanceof AccessDeniedException denied && denied.getReason() == null) {
      return "Permission denied"; // the JDK gives only the path
    }
    if (e instanceof FileSystemException fs && fs.getReason() != null) {
      return fs.getReason();
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  private static Optional<String> errno(String reason) {
    String lower = reason.toLowerCase(Locale.ROOT);
    return ERRNO.entrySet().stream().filter(e -> lower.contains(e.getKey()))
        .max((a, b) -> Integer.compare(a.getKey().length(), b.getKey().length())).map(Map.Entry::getValue);
  }
}
