package lab.portexhaustion.measure;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PortsPerRequestTest {

  @Test
  void portsBeyondTheBaselineOverSucceededRequests() {
    PortsPerRequest ppr = new PortsPerRequest(60_000);
    ppr.observe(0, 3, 0);
    ppr.observe(10_000, 1003, 500);

    assertThat(ppr.baselinePorts()).isEqualTo(3);
    assertThat(ppr.estimate()).isEqualTo(2.0);
  }

  @Test
  void stopsUpdatingAfterOneTimeWaitWhenPortsComeBack() {
    PortsPerRequest ppr = new PortsPerRequest(60_000);
    ppr.observe(0, 0, 0);
    ppr.observe(30_000, 300, 300);
    ppr.observe(70_000, 300, 900);

    assertThat(ppr.estimate()).isEqualTo(1.0);
  }

  @Test
  void unknownUntilASampleUnderLoad() {
    PortsPerRequest ppr = new PortsPerRequest(60_000);
    ppr.observe(0, 5, 0);

    assertThat(ppr.estimate()).isNaN();
  }
}
