package lab.portexhaustion.config;

/** What a driver-based request does once it has a connection (the raw socket always sends one handshake). */
public enum OperationKind implements ConfigName {
  PING("ping"),
  INSERT("insert"),
  FIND("find"),
  INSERT_THEN_FIND("insert-then-find");

  private final String configName;

  OperationKind(String configName) {
    this.configName = configName;
  }

  @Override
  public String configName() {
    return configName;
  }
}
