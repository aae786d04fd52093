package lab.portexhaustion.measure;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One row of {@code harness/requests.csv}: what happened in one second of the run.
 *
 * @param second seconds since the run started (this row covers [second, second + 1))
 * @param started requests handed to a worker in that second
 * @param ok requests that finished OK in that second
 * @param ko requests that failed in that second
 * @param p50Millis median latency of the OK requests that finished in that second (0 when none)
 */
@JsonPropertyOrder({"second", "started", "ok", "ko", "p50Millis", "p95Millis", "p99Millis"})
public record SecondStats(long second, long started, long ok, long ko, double p50Millis, double p95Millis, double p99Millis) {}
