package lab.portexhaustion.config;

import java.time.Duration;

/** How often the port sampler reads the cheap totals and the full socket table. */
public record SamplerSettings(Duration totalsInterval, Duration fullInterval) {}
