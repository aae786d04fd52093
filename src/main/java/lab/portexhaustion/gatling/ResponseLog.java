package lab.portexhaustion.gatling;

import io.gatling.commons.stats.Status;
import scala.Option;
import scala.collection.immutable.List;

/**
 * Where a request's outcome goes for Gatling's reports: the shape of Gatling's {@code StatsEngine.logResponse}, so
 * that the engine itself ({@code engine::logResponse}) or {@link BatchedResponses} in front of it can take it.
 */
@FunctionalInterface
interface ResponseLog {

  void logResponse(String scenario, List<String> groups, String requestName, long startTimestamp, long endTimestamp,
      Status status, Option<String> responseCode, Option<String> message);
}
