package lab.portexhaustion.config;

/** What a simulation is expected to show. */
public enum Expectation implements ConfigName {
  /** No exhaustion; for the pooled strategy also no more open sockets than the pool allows. */
  CLEAN("clean"),
  /** An exhaustion-class failure must occur. */
  EXHAUSTION("exhaustion"),
  /** Anything goes: no check. */
  ANY("any");

  private final String configName;

  Expectation(String configName) {
    this.configName = configName;
  }

  @Override
  public String configName() {
    return configName;
  }
}
