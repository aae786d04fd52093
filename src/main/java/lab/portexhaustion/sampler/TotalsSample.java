package lab.portexhaustion.sampler;

import java.util.Optional;

/** A sample of the totals tier: the cheap figures only. */
public record TotalsSample(long elapsedMillis, Totals totals, Optional<ServerFigures> server) implements PortSample {

  @Override
  public Tier tier() {
    return Tier.TOTALS;
  }
}
