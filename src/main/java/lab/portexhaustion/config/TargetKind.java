package lab.portexhaustion.config;

/** Where the load goes. */
public enum TargetKind implements ConfigName {
  AUTO("auto"),
  EMBEDDED("embedded"),
  CONTAINER("container"),
  URI("uri");

  private final String configName;

  TargetKind(String configName) {
    this.configName = configName;
  }

  @Override
  public String configName() {
    return configName;
  }
}
