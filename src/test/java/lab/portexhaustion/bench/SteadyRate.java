package lab.portexhaustion.bench;

import java.util.List;

/**
 * Requests per second in a run's steady part, from its per-second completions: the seconds
 * before the first completion (start-up) and the warm-up seconds after it are dropped, and so is
 * the last second with completions (cut short by the end).
 */
final class SteadyRate {

  private SteadyRate() {}

  /** The steady seconds, {@code [fromSecond, toSecond)} of the run's own count, and their mean rate. */
  record Window(int fromSecond, int toSecond, double perSecond) {

    /**
     * The sum of {@code perSecond}'s counts from the first of these seconds to the run's end (another count of the same
     * run, as its failures): what happened after the last completion counts too, as a server that stopped answering.
     */
    long sumFromStart(List<Long> perSecond) {
      return perSecond.subList(Math.min(fromSecond, perSecond.size()), perSecond.size()).stream().mapToLong(Long::longValue).sum();
    }
  }

  static Window window(List<Long> completedPerSecond, int warmupSeconds) {
    int first = 0;
    while (first < completedPerSecond.size() && completedPerSecond.get(first) == 0) {
      first++;
    }
    int last = completedPerSecond.size() - 1;
    while (last >= 0 && completedPerSecond.get(last) == 0) {
      last--;
    }
    int from = first + warmupSeconds;
    int to = last; // exclusive: the last second is partial
    if (to - from < 1) {
      throw new IllegalArgumentException("no steady seconds in " + completedPerSecond + " after " + warmupSeconds + " s of warm-up");
    }
    return new Window(from, to, completedPerSecond.subList(from, to).stream().mapToLong(Long::longValue).average().orElseThrow());
  }
}
