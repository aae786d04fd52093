package lab.portexhaustion.gatling;

import io.gatling.core.action.Action;
import io.gatling.core.action.ChainableAction;
import io.gatling.core.action.Loop;
import io.gatling.core.action.TryMax;
import io.gatling.core.structure.ScenarioContext;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import lab.portexhaustion.model.Visit;

/**
 * The MongoDB requests of a visit, counted as Gatling builds the scenarios' actions: it builds every action of every
 * scenario before the first virtual user starts, so the count is whole before any load. Gatling builds each action
 * of the chain once, whatever runs it: a request inside a loop counts once (the loop is noted), and the requests of
 * both branches of a condition count.
 */
public final class VisitRequests {

  /** Each scenario has a context of its own while Gatling builds it. */
  private final Map<ScenarioContext, Integer> perScenario = new IdentityHashMap<>();
  private final List<String> repeated = new ArrayList<>();

  /** One request of the scenario {@code context} builds, followed by {@code next}. */
  synchronized void add(String requestName, ScenarioContext context, Action next) {
    perScenario.merge(context, 1, Integer::sum);
    if (insideALoop(next)) {
      repeated.add(0, requestName); // built from the last action back: the chain's order is the reverse
    }
  }

  /** The visit as counted so far: whole once Gatling has built the scenarios. */
  public synchronized Visit visit() {
    return new Visit(perScenario.values().stream().mapToInt(Integer::intValue).sum(), repeated, perScenario.size());
  }

  /**
   * Whether a request followed by {@code next} is inside a loop (repeat, during, asLongAs, foreach, forever) or a
   * tryMax: Gatling builds a loop's body with the loop itself as its last action, and gives the loop its body once
   * that is built. So the chain after a request of the body leads to a loop that has no body yet, while the chain after
   * a request before the loop leads to one that has. Conditions and switches are followed along what comes after them.
   */
  static boolean insideALoop(Action next) {
    Action action = next;
    for (int step = 0; step < 100_000; step++) {
      if (action instanceof Loop || action instanceof TryMax) {
        return !hasItsBody(action);
      }
      if (action instanceof MongoRequestAction request) {
        action = request.next();
      } else if (action instanceof ChainableAction chained) {
        action = chained.next();
      } else {
        return false; // the scenario's end, or an action that does not say what follows it
      }
    }
    return false;
  }

  /**
   * Whether Gatling has given {@code loop} its body yet. Gatling says so in no public method: its private field is read,
   * one of the internals the pinned Gatling version is chosen for (docs/architecture.md), and VisitRequestsTest holds it.
   * The loop's note is only a warning: a Gatling that keeps the body elsewhere loses the warning, not the run.
   */
  private static boolean hasItsBody(Action loop) {
    try {
      Field body = loop.getClass().getDeclaredField(loop instanceof Loop ? "innerLoop" : "innerTryMax");
      body.setAccessible(true);
      return body.get(loop) != null;
    } catch (ReflectiveOperationException | RuntimeException e) {
      return true;
    }
  }
}
