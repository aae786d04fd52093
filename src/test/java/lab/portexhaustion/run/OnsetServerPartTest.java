package lab.portexhaustion.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import lab.portexhaustion.sampler.PortSample.Descriptors;
import lab.portexhaustion.sampler.PortSample.ServerFigures;
import org.junit.jupiter.api.Test;

/** The onset line's part on the embedded server's process counts its connections in words that fit the count. */
class OnsetServerPartTest {

  @Test
  void oneConnectionIsSaidInTheSingularAndOthersInThePlural() {
    Descriptors descriptors = new Descriptors(180, 256);

    assertThat(OnsetCapture.serverPart(Optional.of(new ServerFigures(Optional.of(descriptors), 1, 0))))
        .isEqualTo("; the server process: 180 of 256 descriptors open, 1 connection");
    assertThat(OnsetCapture.serverPart(Optional.of(new ServerFigures(Optional.empty(), 2, 0))))
        .isEqualTo("; the server process: n/a descriptors open, 2 connections");
  }

  @Test
  void anotherTargetHasNoServerPart() {
    assertThat(OnsetCapture.serverPart(Optional.empty())).isEmpty();
  }
}
