package lab.portexhaustion.run;

import java.util.LinkedHashMap;
import java.util.Map;
import lab.portexhaustion.config.HarnessSettings;
import lab.portexhaustion.config.UriRedaction;

/** The settings of a run as plain values for reports, with the URI's password masked. */
final class SettingsReport {

  private SettingsReport() {}

  static Map<String, Object> of(HarnessSettings s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("target", s.target().configName());
    m.put("uri", s.uri().map(u -> UriRedaction.redact(u.getConnectionString())).orElse(""));
    m.put("container.image", s.containerImage());
    m.put("database", s.database());
    m.put("collection", s.collection());
    m.put("operation", s.operation().configName());
    m.put("load.startRate", s.load().startRate());
    m.put("load.peakRate", s.load().peakRate());
    m.put("load.rampTime", s.load().rampTime().toString());
    m.put("load.holdTime", s.load().holdTime().toString());
    m.put("load.maxDuration", s.load().maxDuration().toString());
    m.put("load.exhaustionGrace", s.load().exhaustionGrace().toString());
    m.put("load.workers", s.load().workers());
    m.put("load.queueCapacity", s.load().queueCapacity());
    m.put("pool.maxPoolSize", s.pool().maxPoolSize());
    m.put("pool.minPoolSize", s.pool().minPoolSize());
    m.put("pool.maxConnectionIdleTime", s.pool().maxConnectionIdleTime().toString());
    m.put("pool.maxConnecting", s.pool().maxConnecting());
    m.put("pool.serverMonitoringMode", s.pool().serverMonitoringMode().configName());
    m.put("timeouts.connect", s.timeouts().connect().toString());
    m.put("timeouts.serverSelection", s.timeouts().serverSelection().toString());
    m.put("timeouts.read", s.timeouts().read().toString());
    m.put("cleanStart.maxDrainWait", s.maxDrainWait().toString());
    m.put("sampler.totalsInterval", s.sampler().totalsInterval().toString());
    m.put("sampler.fullInterval", s.sampler().fullInterval().toString());
    m.put("verdict.enabled", s.verdict().enabled().configName());
    s.verdict().expectations().forEach((kind, expectation) -> m.put("verdict." + kind.configName(), expectation.configName()));
    return m;
  }
}
