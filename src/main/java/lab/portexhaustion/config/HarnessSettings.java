package lab.portexhaustion.config;

import com.mongodb.ConnectionString;
import java.util.Map;
import java.util.Optional;

/**
 * Every setting of one harness run, validated. Built by {@link SettingsLoader}.
 *
 * @param scenario what the run reproduces, derived from these settings: the simulation's connection pattern against the
 *     embedded server's limits ({@link Scenario#of})
 * @param embeddedMonitoring how the embedded server answers the driver's monitor
 * @param fleet this run's place in a fleet of clients (client 0 on its own)
 * @param reported every key with its effective value, for reports: the URI's password masked
 */
public record HarnessSettings(
    Scenario scenario,
    TargetKind target,
    Optional<ConnectionString> uri,
    String containerImage,
    String database,
    String collection,
    OperationKind operation,
    LoadProfile load,
    PoolSettings pool,
    Timeouts timeouts,
    DrainSettings cleanStart,
    ServerLimits embedded,
    EmbeddedMonitoring embeddedMonitoring,
    SamplerSettings sampler,
    VerdictSettings verdict,
    FleetSettings fleet,
    Map<String, String> reported) {

  /** Every key with its effective value, the connection string masked: a record's own text would show the driver's, raw. */
  @Override
  public String toString() {
    return "HarnessSettings" + reported;
  }
}
