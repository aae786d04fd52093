package lab.portexhaustion.gatling;

import io.gatling.core.action.Action;
import io.gatling.core.structure.ScenarioContext;
import io.gatling.javaapi.core.ActionBuilder;
import java.util.concurrent.Executor;
import lab.portexhaustion.measure.RequestRecorder;
import lab.portexhaustion.strategy.ConnectionStrategy;

/**
 * The Java DSL step that sends one request through a connection strategy, e.g.
 * {@code scenario("pooled").exec(run.request())}. {@code asScala()} is Gatling-internal API:
 * the Gatling version is pinned in the pom for that reason.
 */
public final class MongoRequestActionBuilder implements ActionBuilder {

  private final String requestName;
  private final ConnectionStrategy strategy;
  private final Executor workers;
  private final RequestRecorder recorder;

  public MongoRequestActionBuilder(String requestName, ConnectionStrategy strategy, Executor workers, RequestRecorder recorder) {
    this.requestName = requestName;
    this.strategy = strategy;
    this.workers = workers;
    this.recorder = recorder;
  }

  @Override
  public io.gatling.core.action.builder.ActionBuilder asScala() {
    return new io.gatling.core.action.builder.ActionBuilder() {
      @Override
      public Action build(ScenarioContext context, Action next) {
        return new MongoRequestAction(requestName, strategy, workers, recorder,
            context.coreComponents().statsEngine(), context.coreComponents().clock(), next);
      }
    };
  }
}
