package lab.portexhaustion.target;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.function.Supplier;
import lab.portexhaustion.TestSettings;
import lab.portexhaustion.config.Scenario;
import lab.portexhaustion.config.TargetKind;
import org.junit.jupiter.api.Test;

/** What target=auto picks, with a Docker engine that answers or not, on a network of loopback alone (the namespace launcher's) or not. */
class AutoTargetTest {

  private static final Supplier<Optional<String>> DOCKER_ANSWERS = Optional::empty;
  private static final Supplier<Optional<String>> NO_DOCKER = () -> Optional.of("no Docker engine answered");

  @Test
  void outsideTheNamespaceAContainerWhereDockerAnswersElseTheEmbeddedServer() {
    assertThat(AutoTarget.of(TestSettings.with(), false, DOCKER_ANSWERS))
        .isEqualTo(new AutoTarget(TargetKind.CONTAINER, "chosen by target=auto because a Docker engine answered"));
    assertThat(AutoTarget.of(TestSettings.with(), false, NO_DOCKER))
        .isEqualTo(new AutoTarget(TargetKind.EMBEDDED, "chosen by target=auto: no Docker here"));
  }

  /** The namespace launcher's network holds loopback alone: a container there could not be reached, Docker or not. */
  @Test
  void insideTheNamespaceTheEmbeddedServerEvenWhereDockerAnswers() {
    AutoTarget chosen = AutoTarget.of(TestSettings.with(), true, DOCKER_ANSWERS);

    assertThat(chosen.kind()).isEqualTo(TargetKind.EMBEDDED);
    assertThat(chosen.reason()).startsWith("chosen by target=auto inside the namespace launcher");
  }

  @Test
  void theEmbeddedServersLimitsOrItsSelectServerFailureModeAskForIt() {
    assertThat(AutoTarget.of(TestSettings.with("embedded.idleTimeout", "5s"), false, DOCKER_ANSWERS))
        .satisfies(chosen -> assertThat(chosen.kind()).isEqualTo(TargetKind.EMBEDDED))
        .satisfies(chosen -> assertThat(chosen.reason()).startsWith("chosen by target=auto because the embedded server's limits are set"));
    // keep-alive and leaked-client set no limit, only the failure mode that takes every connection the descriptors allow
    assertThat(AutoTarget.of(TestSettings.forScenario(Scenario.KEEP_ALIVE), false, DOCKER_ANSWERS))
        .isEqualTo(new AutoTarget(TargetKind.EMBEDDED, "chosen by target=auto because embedded.failureMode is select-server, which"
            + " only the embedded server has"));
  }

  /** A uri the user set wins over a failure mode the scenario set; a limit the user set is the embedded server's alone. */
  @Test
  void aUriWinsOverTheScenariosFailureModeAndTheNamespaceButNotOverALimit() {
    assertThat(AutoTarget.of(TestSettings.with("uri", "mongodb://127.0.0.1:27017"), true, DOCKER_ANSWERS).kind())
        .isEqualTo(TargetKind.URI);
    assertThat(AutoTarget.of(TestSettings.forScenario(Scenario.KEEP_ALIVE, "uri", "mongodb://127.0.0.1:27017"), false, DOCKER_ANSWERS)
        .kind()).isEqualTo(TargetKind.URI);
    assertThat(AutoTarget.of(TestSettings.with("uri", "mongodb://127.0.0.1:27017", "embedded.maxDescriptors", "512"), false,
        DOCKER_ANSWERS).kind()).isEqualTo(TargetKind.EMBEDDED);
  }
}
