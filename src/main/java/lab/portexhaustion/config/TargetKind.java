package lab.portexhaustion.config;

/** Where the load goes. */
public enum TargetKind implements ConfigName {
  AUTO,
  EMBEDDED,
  CONTAINER,
  URI
}
