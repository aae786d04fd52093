package lab.portexhaustion.config;

import java.time.Duration;

/** Network timeouts shared by every strategy. */
public record Timeouts(Duration connect, Duration serverSelection, Duration read) {}
