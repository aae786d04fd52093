package lab.portexhaustion.run;

import java.util.Optional;
import lab.portexhaustion.sampler.PortSample;

/**
 * The pace the sampler's totals tier kept, from the samples as they arrive: its mean interval and its longest gap.
 * Only the totals tier: it keeps its interval whatever it costs, while the full tier is spaced out on purpose when it
 * would cost more CPU than {@code sampler.maxCpuPercent} allows (docs/results.md).
 */
final class SamplerPace {

  private long first = -1;
  private long last = -1;
  private long count;
  private long longestGap;

  /** Takes a sample of the running sampler, in the order they were taken. */
  synchronized void observe(PortSample sample) {
    if (sample.tier() != PortSample.Tier.TOTALS) {
      return;
    }
    long at = sample.elapsedMillis();
    if (first < 0) {
      first = at;
    } else {
      longestGap = Math.max(longestGap, at - last);
    }
    last = at;
    count++;
  }

  /** The mean interval between totals samples; empty before two. */
  synchronized Optional<Double> meanIntervalMillis() {
    return count < 2 ? Optional.empty() : Optional.of((double) (last - first) / (count - 1));
  }

  /** The longest time between two totals samples; empty before two. */
  synchronized Optional<Double> longestGapMillis() {
    return count < 2 ? Optional.empty() : Optional.of((double) longestGap);
  }
}
