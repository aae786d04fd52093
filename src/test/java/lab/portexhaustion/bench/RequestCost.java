package lab.portexhaustion.bench;

import java.util.HashMap;
import java.util.Map;

/**
 * What one request cost a process over a window of steady load: context switches (voluntary: a thread waited, as a
 * hand-off between threads makes it; involuntary: the scheduler took the core) and CPU time.
 *
 * @param voluntaryByThreadKind the voluntary switches per request by the kind of thread that made them
 *     ({@link ProcessCounters#threadKind})
 * @param threadsEnded threads of the process that ended during the window, whose switches in it are lost (0 is whole)
 */
record RequestCost(double voluntary, double involuntary, double cpuMicros, Map<String, Double> voluntaryByThreadKind,
    int threadsEnded) {

  /** Between two snapshots of one process, over {@code requests} requests completed between them. */
  static RequestCost between(ProcessCounters start, ProcessCounters end, double requests) {
    if (requests <= 0) {
      throw new IllegalArgumentException("no requests between the snapshots at " + start.epochMillis() + " and " + end.epochMillis());
    }
    ProcessCounters.WindowSwitches switches = end.switchesSince(start);
    Map<String, Double> byKind = new HashMap<>();
    switches.byKind().forEach((kind, made) -> byKind.put(kind, made.voluntary() / requests));
    return new RequestCost(switches.switches().voluntary() / requests, switches.switches().involuntary() / requests,
        end.cpuMicrosSince(start) / requests, Map.copyOf(byKind), switches.threadsEnded());
  }
}
