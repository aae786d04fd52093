package lab.portexhaustion.config;

import java.time.Duration;

/** Knobs of the pooled strategy's MongoClient; a zero idle time means idle connections are kept. */
public record PoolSettings(
    int maxPoolSize,
    int minPoolSize,
    Duration maxConnectionIdleTime,
    int maxConnecting,
    MonitoringMode serverMonitoringMode) {}
