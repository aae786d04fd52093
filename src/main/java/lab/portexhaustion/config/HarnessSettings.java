package lab.portexhaustion.config;

import com.mongodb.ConnectionString;
import java.time.Duration;
import java.util.Optional;

/** Every setting of one harness run, validated. Built by {@link SettingsLoader}. */
public record HarnessSettings(
    TargetKind target,
    Optional<ConnectionString> uri,
    String containerImage,
    String database,
    String collection,
    OperationKind operation,
    LoadProfile load,
    PoolSettings pool,
    Timeouts timeouts,
    Duration maxDrainWait,
    SamplerSettings sampler,
    VerdictSettings verdict) {}
