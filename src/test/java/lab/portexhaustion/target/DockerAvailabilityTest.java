package lab.portexhaustion.target;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Testcontainers' search answers within its ping bound here, whatever the answer, and a "no" says why in a few words. */
class DockerAvailabilityTest {

  @Test
  void theAnswerComesWithinTheBoundAndANoIsAFewWords() {
    Instant begin = Instant.now();

    Optional<String> why = DockerAvailability.whyUnavailable();

    assertThat(Duration.between(begin, Instant.now())).isLessThan(Duration.ofSeconds(30));
    why.ifPresent(reason -> assertThat(reason).matches("no Docker engine answered|Docker did not answer \\(.*\\)"));
  }
}
