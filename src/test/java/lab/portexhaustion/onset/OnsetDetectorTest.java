package lab.portexhaustion.onset;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import lab.portexhaustion.config.Scenario;
import lab.portexhaustion.failure.ClassifiedError;
import lab.portexhaustion.failure.ErrorKind;
import org.junit.jupiter.api.Test;

class OnsetDetectorTest {

  private static final Instant RUN_START = Instant.parse("2026-11-30T13:00:00Z");
  private static final ClassifiedError REFUSED = new ClassifiedError(ErrorKind.SERVER_REFUSED, "closed",
      "closed by server: end of stream before the reply", "com.mongodb.MongoSocketReadException", "Prematurely reached end of stream");
  private static final RequestCounts NONE_YET = new RequestCounts(0, 0, 0, 0);

  @Test
  void aRefusalMetWhileTheClientWasMadeCountsAtTimeZeroWithItsOwnWallTime() {
    List<Onset> onsets = new ArrayList<>();
    OnsetDetector detector = new OnsetDetector(RUN_START, Duration.ofSeconds(5), Scenario.POOL_STORM, onsets::add);
    Instant before = RUN_START.minusMillis(300);

    assertThat(detector.observe(REFUSED, before, "driver monitor", NONE_YET)).isTrue();

    assertThat(onsets).singleElement().satisfies(o -> {
      assertThat(o.elapsed()).isZero();
      assertThat(o.at()).isEqualTo(before);
    });
  }

  @Test
  void aRefusalIsNoOnsetForChurn() {
    List<Onset> onsets = new ArrayList<>();
    OnsetDetector detector = new OnsetDetector(RUN_START, Duration.ofSeconds(5), Scenario.POOLED, onsets::add);

    assertThat(detector.observe(REFUSED, RUN_START.plusSeconds(3), "request", NONE_YET)).isFalse();
    assertThat(onsets).isEmpty();
  }
}
