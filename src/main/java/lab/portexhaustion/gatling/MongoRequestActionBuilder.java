package lab.portexhaustion.gatling;

import io.gatling.core.action.Action;
import io.gatling.core.config.NettyConfiguration;
import io.gatling.core.structure.ScenarioContext;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.netty.util.Transports;
import java.util.concurrent.Executor;
import lab.portexhaustion.measure.RequestRecorder;
import lab.portexhaustion.strategy.ConnectionStrategy;

/**
 * Builds the action of one request, followed by the run's stop condition, so that every request of any scenario
 * checks whether exhaustion began long enough ago to stop the injection; and counts the requests a visit sends. The
 * run's actions log their responses through the run's {@link BatchedResponses}.
 */
public final class MongoRequestActionBuilder {

  private final ConnectionStrategy strategy;
  private final Executor workers;
  private final RequestRecorder recorder;
  private final ChainBuilder stopWhenExhausted;
  private final VisitRequests visit;
  private final BatchedResponses responses;

  public MongoRequestActionBuilder(ConnectionStrategy strategy, Executor workers, RequestRecorder recorder, ChainBuilder stopWhenExhausted,
      VisitRequests visit, BatchedResponses responses) {
    this.strategy = strategy;
    this.workers = workers;
    this.recorder = recorder;
    this.stopWhenExhausted = stopWhenExhausted;
    this.visit = visit;
    this.responses = responses;
  }

  /** The action that sends {@code definition} as {@code requestName}, then hands the user to {@code next}. */
  public Action build(String requestName, RequestDefinition definition, ScenarioContext context, Action next) {
    visit.add(requestName, context, next);
    Action afterRequest = stopWhenExhausted.wrapped.build(context, next);
    NettyConfiguration netty = context.coreComponents().configuration().netty();
    // The sockets of the transport Gatling built its event loops with, as its HTTP client takes them.
    RequestPath path = RequestPath.of(strategy, workers, Transports.newSocketChannelFactory(netty.useNativeTransport(), netty.useIoUring()));
    return new MongoRequestAction(requestName, definition, path, recorder, responses.to(context.coreComponents().statsEngine()),
        context.coreComponents().clock(), afterRequest);
  }
}
