package lab.portexhaustion.gatling;

import io.gatling.commons.stats.Status;
import io.gatling.core.stats.StatsEngine;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import scala.Option;

/**
 * A Gatling StatsEngine that keeps every logged response for assertions. A dynamic proxy,
 * because some of the trait's parameter types are Scala nested objects Java source cannot name.
 */
final class RecordingStatsEngine {

  /** One logged response, and the thread that logged it. */
  record Response(String scenario, String requestName, long startMillis, long endMillis, String status,
      String code, String message, String thread) {}

  final List<Response> responses = new CopyOnWriteArrayList<>();

  final StatsEngine engine = (StatsEngine) Proxy.newProxyInstance(StatsEngine.class.getClassLoader(),
      new Class<?>[] {StatsEngine.class}, (proxy, method, args) -> {
        if (method.getName().equals("logResponse")) {
          responses.add(new Response((String) args[0], (String) args[2], (Long) args[3], (Long) args[4],
              ((Status) args[5]).name(), text(args[6]), text(args[7]), Thread.currentThread().getName()));
        }
        return null;
      });

  private static String text(Object option) {
    Option<?> value = (Option<?>) option;
    return value.isDefined() ? String.valueOf(value.get()) : null;
  }
}
