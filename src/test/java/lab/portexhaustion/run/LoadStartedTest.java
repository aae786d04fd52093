package lab.portexhaustion.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoadStartedTest {

  @TempDir
  Path results;

  @Test
  void aRunWithItsFirstSampleHasBegun() throws Exception {
    Files.createDirectories(results.resolve("pooledsimulation-1/harness"));
    Files.writeString(results.resolve("pooledsimulation-1/harness/ports.csv"), "header\n");

    LoadStarted.await(results, Duration.ofSeconds(1), new CompletableFuture<>());

    assertThat(LoadStarted.under(results)).isTrue();
  }

  @Test
  void aRunThatEndedBeforeItsLoadFailsAtOnceWithWhatItEndedWith() {
    Instant start = Instant.now();

    assertThatThrownBy(() -> LoadStarted.await(results, Duration.ofMinutes(2),
        CompletableFuture.completedFuture(new GatlingProcess.Result(3, "Setting 'load.peakRate' is wrong"))))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("ended before its load began").hasMessageContaining("exitCode=3")
        .hasMessageContaining("Setting 'load.peakRate' is wrong");
    assertThat(Duration.between(start, Instant.now())).as("not the 2 minutes' limit").isLessThan(Duration.ofSeconds(30));
  }

  @Test
  void noFirstSampleWithinTheLimitFails() {
    assertThatThrownBy(() -> LoadStarted.await(results, Duration.ofSeconds(1), new CompletableFuture<>()))
        .isInstanceOf(AssertionError.class).hasMessageContaining("began its load within 1 s");
  }
}
