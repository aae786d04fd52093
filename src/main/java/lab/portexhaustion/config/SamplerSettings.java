package lab.portexhaustion.config;

import java.time.Duration;

/**
 * How often the port sampler reads the cheap totals and the full socket table.
 *
 * @param maxCpuPercent the most of one core the full tier may take: when one full sample costs
 *     more than this share of {@code fullInterval}, full samples are spaced further apart
 */
public record SamplerSettings(Duration totalsInterval, Duration fullInterval, double maxCpuPercent) {}
