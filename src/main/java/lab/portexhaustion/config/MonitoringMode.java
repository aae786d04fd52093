package lab.portexhaustion.config;

import com.mongodb.connection.ServerMonitoringMode;

/** The driver's server monitoring protocol, as spelled in settings. */
public enum MonitoringMode implements ConfigName {
  AUTO(ServerMonitoringMode.AUTO),
  STREAM(ServerMonitoringMode.STREAM),
  POLL(ServerMonitoringMode.POLL);

  private final ServerMonitoringMode driverMode;

  MonitoringMode(ServerMonitoringMode driverMode) {
    this.driverMode = driverMode;
  }

  public ServerMonitoringMode driverMode() {
    return driverMode;
  }
}
