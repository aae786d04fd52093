package lab.portexhaustion.bench;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.scenario;

import com.typesafe.scalalogging.Logger;
import io.gatling.commons.stats.KO$;
import io.gatling.commons.stats.OK$;
import io.gatling.core.action.Action;
import io.gatling.core.session.Session;
import io.gatling.core.stats.StatsEngine;
import io.gatling.core.structure.ScenarioContext;
import io.gatling.javaapi.core.ActionBuilder;
import io.gatling.javaapi.core.Simulation;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLongArray;
import org.slf4j.LoggerFactory;
import scala.Option;

/**
 * Gatling's floor for a throughput line: the bare loop's requests ({@link BareRequests}) through Gatling with nothing
 * of the harness, each sent and completed inline on the virtual user's event loop and logged to Gatling's stats. The
 * suite starts it with as many event loops as virtual users ({@code io.netty.eventLoopThreads}), so that a request
 * blocking its loop stalls no other user: what it costs above the bare loop is Gatling's own work per request (its
 * loop action, its session, its stats writer), which any request path through Gatling pays, the harness's included.
 * Blocking an event loop is what the harness must never do in a run (every user of that loop would wait); here it is
 * the way to take the hand-offs out and see what is left.
 *
 * <p>Prints its completions and failures per second and the start of its second 0 as {@link BareLoop} does. Not one of the
 * product's simulations: the pom keeps the plugin from running it.
 */
public class GatlingFloorSimulation extends Simulation {

  private final BareRequests requests = BareRequests.open(System.getProperty("bench.scenario"), System.getProperty("bench.uri"));
  private final Duration length = Duration.ofSeconds(Long.getLong("bench.seconds"));
  private final AtomicLongArray completed = new AtomicLongArray((int) length.toSeconds() + 12);
  private final AtomicLongArray failed = new AtomicLongArray(completed.length());
  private volatile long startNanos;
  private volatile long startedAt;

  {
    setUp(scenario("floor")
            .during(length).on(exec(inlineRequest()))
            .injectOpen(atOnceUsers(Integer.getInteger("bench.concurrency"))))
        .maxDuration(length.plusSeconds(10));
  }

  @Override
  public void before() {
    startNanos = System.nanoTime();
    startedAt = System.currentTimeMillis();
  }

  @Override
  public void after() {
    requests.close();
    System.out.println(BareLoop.OUTPUT_PREFIX + BareLoop.counts(completed));
    System.out.println(BareLoop.FAILED_PREFIX + BareLoop.counts(failed));
    System.out.println(BareLoop.STARTED_AT_PREFIX + startedAt);
  }

  private ActionBuilder inlineRequest() {
    return () -> new io.gatling.core.action.builder.ActionBuilder() {
      @Override
      public Action build(ScenarioContext context, Action next) {
        return new InlineRequest(context.coreComponents().statsEngine(), next);
      }
    };
  }

  /** One request, sent and answered on the calling event loop, logged as the harness logs one; then the next action. */
  private final class InlineRequest implements Action {

    private static final Logger LOGGER = Logger.apply(LoggerFactory.getLogger(InlineRequest.class));
    private final StatsEngine statsEngine;
    private final Action next;

    InlineRequest(StatsEngine statsEngine, Action next) {
      this.statsEngine = statsEngine;
      this.next = next;
    }

    @Override
    public String name() {
      return "floor";
    }

    @Override
    public void execute(Session session) {
      long startMillis = System.currentTimeMillis();
      boolean ok = requests.send();
      long endMillis = System.currentTimeMillis();
      statsEngine.logResponse(session.scenario(), session.groups(), "floor", startMillis, endMillis,
          ok ? OK$.MODULE$ : KO$.MODULE$, Option.empty(), Option.empty());
      BareLoop.countNow(ok ? completed : failed, startNanos);
      next.$bang(session);
    }

    @Override
    public Logger logger() {
      return LOGGER;
    }

    // Scala's initialiser for the trait's logger field; the logger above is used instead.
    @Override
    public void com$typesafe$scalalogging$StrictLogging$_setter_$logger_$eq(Logger logger) {}
  }
}
