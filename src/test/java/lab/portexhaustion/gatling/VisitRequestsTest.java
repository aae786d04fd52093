package lab.portexhaustion.gatling;

import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static org.assertj.core.api.Assertions.assertThat;

import io.gatling.commons.util.DefaultClock;
import io.gatling.core.CoreComponents;
import io.gatling.core.action.Action;
import io.gatling.core.pause.Disabled$;
import io.gatling.core.protocol.ProtocolComponentsRegistry;
import io.gatling.core.structure.ScenarioContext;
import io.gatling.javaapi.core.ActionBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import java.util.List;
import lab.portexhaustion.TestSettings;
import lab.portexhaustion.config.StrategyKind;
import lab.portexhaustion.failure.SocketErrorListener;
import lab.portexhaustion.measure.RequestRecorder;
import lab.portexhaustion.measure.RunMetrics;
import lab.portexhaustion.model.Visit;
import lab.portexhaustion.onset.OnsetDetector;
import lab.portexhaustion.config.Scenario;
import lab.portexhaustion.strategy.ConnectionStrategy;
import lab.portexhaustion.strategy.StrategyFactory;
import lab.portexhaustion.target.EmbeddedMongoTarget;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import io.gatling.core.config.GatlingConfiguration$;
import scala.Option;

/**
 * The requests of a visit, counted as Gatling's own builders build a scenario's chain (the Java DSL, then
 * {@code ScenarioBuilder.build}, as Gatling does before the first user starts): each request once, a loop noted.
 */
class VisitRequestsTest {

  private final RecordingStatsEngine stats = new RecordingStatsEngine();
  private final EmbeddedMongoTarget server = EmbeddedMongoTarget.start("test");
  private final ConnectionStrategy strategy =
      StrategyFactory.create(StrategyKind.RAW_SOCKET, server, TestSettings.with(), SocketErrorListener.NONE);
  private final RequestWorkers workers = new RequestWorkers(1, 1);
  private final VisitRequests visit = new VisitRequests();
  private final BatchedResponses responses = new BatchedResponses();
  private final MongoRequestActionBuilder actions = new MongoRequestActionBuilder(strategy, workers,
      new RequestRecorder(new RunMetrics((second, okLatencyMicros) -> {}),
          new OnsetDetector(Instant.now(), Duration.ZERO, Scenario.RAW_SOCKET, onset -> {})),
      exec(session -> session), visit, responses);

  @AfterEach
  void stop() throws InterruptedException {
    responses.close();
    workers.drain(5);
    strategy.close();
    server.close();
  }

  /** A request as the DSL's builder makes it: this run's action, built where Gatling builds the chain. */
  private ActionBuilder request(String name) {
    return () -> new io.gatling.core.action.builder.ActionBuilder() {
      @Override
      public Action build(ScenarioContext context, Action next) {
        return actions.build(name, session -> StrategyFactory.settingsOperation(TestSettings.with()), context, next);
      }
    };
  }

  private void build(ScenarioBuilder scenario) {
    // Gatling's default configuration: the action takes its Netty transport from it.
    CoreComponents core = new CoreComponents(null, null, null, Option.empty(), stats.engine, new DefaultClock(), null,
        GatlingConfiguration$.MODULE$.loadForTest(scala.collection.immutable.List$.MODULE$.empty()));
    ScenarioContext context = new ScenarioContext(core, new ProtocolComponentsRegistry(core, null, null, null), Disabled$.MODULE$, false);
    scenario.wrapped.build(context, null); // Gatling's own build of the chain, from its last action back
  }

  @Test
  void aStraightChainCountsEachRequestOnce() {
    build(scenario("three").exec(request("find account")).exec(session -> session).exec(request("upsert account"))
        .exec(request("insert audit")));

    assertThat(visit.visit()).isEqualTo(new Visit(3, List.of(), 1));
    assertThat(visit.visit().warning()).isEmpty();
  }

  @Test
  void aRequestInALoopCountsOnceAndIsNamed() {
    build(scenario("loop").exec(request("login")).repeat(5).on(exec(request("read page")).exec(request("save page")))
        .exec(request("logout")));

    assertThat(visit.visit()).isEqualTo(new Visit(4, List.of("read page", "save page"), 1));
    assertThat(visit.visit().warning().orElseThrow()).startsWith("the requests 'read page', 'save page' are inside a loop: the"
        + " model counts each once per visit (4 requests in all)");
  }

  @Test
  void bothBranchesOfAConditionCountAndNeitherIsALoop() {
    build(scenario("branches").doIfOrElse(session -> true).then(exec(request("cached"))).orElse(exec(request("uncached")))
        .exec(request("after")));

    assertThat(visit.visit()).isEqualTo(new Visit(3, List.of(), 1));
  }

  @Test
  void twoScenariosAddUp() {
    build(scenario("readers").exec(request("read")));
    build(scenario("writers").exec(request("write")).exec(request("audit")));

    assertThat(visit.visit()).isEqualTo(new Visit(3, List.of(), 2));
    assertThat(visit.visit().warning().orElseThrow()).contains("2 scenarios send MongoDB requests");
  }
}
