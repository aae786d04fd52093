package lab.portexhaustion.gatling;

import io.gatling.core.action.Action;
import io.gatling.core.structure.ScenarioContext;
import io.gatling.javaapi.core.ChainBuilder;
import java.util.concurrent.Executor;
import lab.portexhaustion.measure.RequestRecorder;
import lab.portexhaustion.strategy.ConnectionStrategy;

/**
 * Builds the action of one request, followed by the run's stop condition, so that every request of any scenario
 * checks whether exhaustion began long enough ago to stop the injection.
 */
public final class MongoRequestActionBuilder {

  private final ConnectionStrategy strategy;
  private final Executor workers;
  private final RequestRecorder recorder;
  private final ChainBuilder stopWhenExhausted;

  public MongoRequestActionBuilder(ConnectionStrategy strategy, Executor workers, RequestRecorder recorder, ChainBuilder stopWhenExhausted) {
    this.strategy = strategy;
    this.workers = workers;
    this.recorder = recorder;
    this.stopWhenExhausted = stopWhenExhausted;
  }

  /** The action that sends {@code definition} as {@code requestName}, then hands the user to {@code next}. */
  public Action build(String requestName, RequestDefinition definition, ScenarioContext context, Action next) {
    Action afterRequest = stopWhenExhausted.wrapped.build(context, next);
    return new MongoRequestAction(requestName, definition, strategy, workers, recorder,
        context.coreComponents().statsEngine(), context.coreComponents().clock(), afterRequest);
  }
}
