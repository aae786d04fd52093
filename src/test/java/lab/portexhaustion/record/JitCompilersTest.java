package lab.portexhaustion.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What {@code conditions.json} says of the JVM's JIT compilers, for each of HotSpot's settings. */
class JitCompilersTest {

  @Test
  void eachTierSettingIsNamed() {
    assertThat(JitCompilers.of(true, 4)).isEqualTo("client and optimising JIT compilers");
    assertThat(JitCompilers.of(true, 1)).isEqualTo("client JIT compiler only, TieredStopAtLevel=1");
    assertThat(JitCompilers.of(true, 3)).isEqualTo("client JIT compiler only, TieredStopAtLevel=3");
    assertThat(JitCompilers.of(true, 0)).isEqualTo("interpreter only");
    assertThat(JitCompilers.of(false, 4)).isEqualTo("optimising JIT compiler only");
  }

  @Test
  void thisJvmIsReadFromItsOwnOptions() {
    List<String> arguments = ManagementFactory.getRuntimeMXBean().getInputArguments();
    String expected = arguments.contains("-XX:TieredStopAtLevel=1") ? "client JIT compiler only, TieredStopAtLevel=1"
        : arguments.contains("-XX:-TieredCompilation") ? "optimising JIT compiler only"
        : "client and optimising JIT compilers";

    assertThat(JitCompilers.ofThisJvm()).as("this test's JVM, started with %s", arguments).isEqualTo(expected);
  }
}
