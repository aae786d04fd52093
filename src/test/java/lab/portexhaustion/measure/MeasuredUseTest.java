package lab.portexhaustion.measure;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UsePerRequestTest {

  @Test
  void portsBeyondTheBaselineOverSucceededRequests() {
    UsePerRequest ppr = new UsePerRequest(60_000);
    ppr.observe(0, 3, 0);
    ppr.observe(10_000, 1003, 500);

    assertThat(ppr.estimate()).isEqualTo(2.0);
  }

  @Test
  void stopsUpdatingAfterOneTimeWaitWhenPortsComeBack() {
    UsePerRequest ppr = new UsePerRequest(60_000);
    ppr.observe(0, 0, 0);
    ppr.observe(30_000, 300, 300);
    ppr.observe(70_000, 300, 900);

    assertThat(ppr.estimate()).isEqualTo(1.0);
  }

  @Test
  void unknownUntilASampleUnderLoad() {
    UsePerRequest ppr = new UsePerRequest(60_000);
    ppr.observe(0, 5, 0);

    assertThat(ppr.estimate()).isNaN();
  }

  @Test
  void unitsHeldUntilTheEndKeepUpdatingTheEstimate() {
    UsePerRequest descriptors = new UsePerRequest(Long.MAX_VALUE);
    descriptors.observe(0, 100, 0);
    descriptors.observe(10_000, 300, 100);
    descriptors.observe(3_600_000, 2100, 1000);

    assertThat(descriptors.estimate()).isEqualTo(2.0);
  }
}
