package lab.portexhaustion.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import org.junit.jupiter.api.Test;

/** The OS's reason a results file was not written, as the JDK gives it, with the errno's name. */
class WriteCauseTest {

  @Test
  void namesTheErrnoOfEachCauseAUserCanActOn() {
    assertThat(WriteCause.of(new IOException("No space left on device"))).isEqualTo("No space left on device (ENOSPC)");
    assertThat(WriteCause.of(new AccessDeniedException("/r/harness/ports.csv"))).isEqualTo("Permission denied (EACCES)");
    assertThat(WriteCause.of(new FileSystemException("/r/harness/summary.json.partial", null, "Read-only file system")))
        .isEqualTo("Read-only file system (EROFS)");
    assertThat(WriteCause.of(new FileSystemException("/r/harness/onset.json.partial", null, "Too many open files")))
        .isEqualTo("Too many open files (EMFILE)");
    assertThat(WriteCause.of(new IOException("Disk quota exceeded"))).isEqualTo("Disk quota exceeded (EDQUOT)");
    assertThat(WriteCause.of(new IOException("Input/output error"))).isEqualTo("Input/output error");
  }

  @Test
  void onlyAWantOfDescriptorsIsWorthAnotherTryWithOneMore() {
    assertThat(WriteCause.outOfDescriptors(new FileSystemException("/r/onset.json.partial", null, "Too many open files"))).isTrue();
    assertThat(WriteCause.outOfDescriptors(new IOException("Too many open files in system"))).isTrue();
    assertThat(WriteCause.outOfDescriptors(new IOException("No space left on device"))).isFalse();
  }
}
