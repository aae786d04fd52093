package lab.portexhaustion.config;

import java.time.Duration;

/**
 * How often the port sampler reads the cheap totals and the full socket table.
 *
 * @param maxCpuPercent the most of one core the sampler may take: the totals tier runs at its
 *     interval, and when a full sample costs more than what is left of this share over
 *     {@code fullInterval}, full samples are spaced further apart
 */
public record SamplerSettings(Duration totalsInterval, Duration fullInterval, double maxCpuPercent) {}
