package lab.portexhaustion.gatling;

import com.typesafe.scalalogging.Logger;
import io.gatling.commons.stats.KO$;
import io.gatling.commons.stats.OK$;
import io.gatling.commons.util.Clock;
import io.gatling.core.action.Action;
import io.gatling.core.session.Session;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;
import lab.portexhaustion.failure.ClassifiedError;
import lab.portexhaustion.measure.RequestRecorder;
import lab.portexhaustion.strategy.RequestWork;
import org.slf4j.LoggerFactory;
import scala.Option;

/**
 * Resolves one request for its virtual user on Gatling's thread (a request that cannot be resolved is a KO that sent
 * nothing), then sends it through the strategy on its {@link RequestPath} (the user's own event loop, or a harness
 * worker), then, on the thread that completed it, records it, logs it for Gatling's stats (start, end, OK/KO,
 * normalised message) and hands the virtual user on to the next action.
 *
 * <p>Implements Gatling's Scala {@link Action} trait directly from Java (it compiles to an
 * interface with default methods). {@code next.$bang(session)} is Scala's {@code next ! session}:
 * on the user's own event loop it runs the next action at once; from any other thread (a worker) it moves the virtual
 * user back onto its loop first; either way inside Gatling's error handling.
 */
final class MongoRequestAction implements Action {

  private static final Logger LOGGER = Logger.apply(LoggerFactory.getLogger(MongoRequestAction.class));
  /** Set on a virtual user's session once one of its requests succeeded: the model counts arrivals, not requests. */
  static final String SERVED = "portexhaustionlab.served";

  private final String requestName;
  private final RequestDefinition definition;
  private final RequestPath path;
  private final RequestRecorder recorder;
  private final ResponseLog responses;
  private final Clock clock;
  private final Action next;

  MongoRequestAction(String requestName, RequestDefinition definition, RequestPath path,
      RequestRecorder recorder, ResponseLog responses, Clock clock, Action next) {
    this.requestName = requestName;
    this.definition = definition;
    this.path = path;
    this.recorder = recorder;
    this.responses = responses;
    this.clock = clock;
    this.next = next;
  }

  @Override
  public String name() {
    return requestName;
  }

  /** What follows this request: the run's stop condition, then the scenario's next action. */
  Action next() {
    return next;
  }

  @Override
  public void execute(Session session) {
    if (!recorder.isOpen()) {
      return; // The run has ended and Gatling is stopping its users: nothing more is sent.
    }
    long startMillis = clock.nowMillis();
    long startNanos = System.nanoTime();
    RequestWork work;
    try {
      work = definition.resolve(session);
    } catch (UnresolvedRequestException e) {
      ClassifiedError error = recorder.notBuilt(requestName, e);
      responses.logResponse(session.scenario(), session.groups(), requestName, startMillis, clock.nowMillis(),
          KO$.MODULE$, Option.apply(error.code()), Option.apply(error.reportText()));
      next.$bang(session.markAsFailed());
      return;
    }
    CompletionStage<Void> sent;
    try {
      sent = path.send(work, session.eventLoop(), recorder::started);
    } catch (RejectedExecutionException e) {
      if (!recorder.isOpen()) {
        return; // The run has ended and Gatling is stopping its users: this request was never sent.
      }
      recorder.started();
      complete(session, startMillis, startNanos, e);
      return;
    }
    sent.whenComplete((done, failure) -> complete(session, startMillis, startNanos, unwrapped(failure)));
  }

  /** The request's own failure: a stage hands on a failure from an earlier stage wrapped. */
  private static Throwable unwrapped(Throwable failure) {
    return failure instanceof CompletionException wrapped && wrapped.getCause() != null ? wrapped.getCause() : failure;
  }

  private void complete(Session session, long startMillis, long startNanos, Throwable failure) {
    long endMillis = clock.nowMillis();
    if (!recorder.isOpen()) {
      recorder.finished(System.nanoTime() - startNanos, failure); // counted as left in flight only
      return; // Gatling has ended the run and no longer takes stats or users.
    }
    Optional<ClassifiedError> error = recorder.finished(System.nanoTime() - startNanos, failure);
    if (error.isEmpty()) {
      responses.logResponse(session.scenario(), session.groups(), requestName, startMillis, endMillis,
          OK$.MODULE$, Option.empty(), Option.empty());
      if (session.contains(SERVED)) {
        next.$bang(session);
      } else {
        recorder.arrivalServed();
        next.$bang(session.set(SERVED, Boolean.TRUE));
      }
    } else {
      responses.logResponse(session.scenario(), session.groups(), requestName, startMillis, endMillis,
          KO$.MODULE$, Option.apply(error.get().code()), Option.apply(error.get().reportText()));
      next.$bang(session.markAsFailed());
    }
  }

  @Override
  public Logger logger() {
    return LOGGER;
  }

  // Scala's initialiser for the trait's logger field; the logger above is used instead.
  @Override
  public void com$typesafe$scalalogging$StrictLogging$_setter_$logger_$eq(Logger logger) {}
}
