package lab.portexhaustion.config;

import com.mongodb.connection.ServerMonitoringMode;

/** The driver's server monitoring protocol, as spelled in settings. */
public enum MonitoringMode implements ConfigName {
  AUTO("auto", ServerMonitoringMode.AUTO),
  STREAM("stream", ServerMonitoringMode.STREAM),
  POLL("poll", ServerMonitoringMode.POLL);

  private final String configName;
  private final ServerMonitoringMode driverMode;

  MonitoringMode(String configName, ServerMonitoringMode driverMode) {
    this.configName = configName;
    this.driverMode = driverMode;
  }

  @Override
  public String configName() {
    return configName;
  }

  public ServerMonitoringMode driverMode() {
    return driverMode;
  }
}
