package lab.portexhaustion.config;

/** Where the load goes. */
public enum TargetKind implements ConfigName {
  AUTO,
  EMBEDDED,
  CONTAINER,
  URI;

  /** A server the harness does not run or configure: the embedded server's limits do not apply to it. */
  public boolean isExternal() {
    return this == CONTAINER || this == URI;
  }
}
